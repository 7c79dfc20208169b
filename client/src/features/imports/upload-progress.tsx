/** How much of a file has been sent; once it is all sent the server is still reading it. */
export function UploadProgress({ label, fraction }: { label: string; fraction: number }) {
  const percent = Math.round(fraction * 100);
  return (
    <div className="upload-progress" role="status" aria-live="polite">
      <p>{percent < 100 ? `${label} ${percent} %` : `${label} reading the file…`}</p>
      <progress max={100} value={percent} aria-label={label} data-testid="import-progress" />
    </div>
  );
}
