import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../api/api-error.ts';
import { useCurrentUser, useSession } from '../auth/session-context.tsx';

/** The signed-in user's name, opening a menu with Account and Log out (a WAI-ARIA menu button). */
export function UserMenu() {
  const user = useCurrentUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const [isOpen, setIsOpen] = useState(false);
  const [logoutError, setLogoutError] = useState<string | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!isOpen) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    function handlePointerDown(event: PointerEvent) {
      if (!containerRef.current?.contains(event.target as Node)) setIsOpen(false);
    }
    document.addEventListener('pointerdown', handlePointerDown);
    return () => document.removeEventListener('pointerdown', handlePointerDown);
  }, [isOpen]);

  function close() {
    setIsOpen(false);
    buttonRef.current?.focus();
  }

  function handleMenuKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const items = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const index = items.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 };
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') {
      setIsOpen(false);
    } else if (event.key in moves) {
      event.preventDefault();
      const target = ((moves[event.key] ?? 0) + items.length) % items.length;
      items[target]?.focus();
    }
  }

  function handleButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setIsOpen(true);
    }
  }

  function handleAccount() {
    setIsOpen(false);
    navigate('/account');
  }

  async function handleLogout() {
    setIsOpen(false);
    setLogoutError(null);
    try {
      await logout();
    } catch (error) {
      setLogoutError(errorMessage(error));
    }
  }

  return (
    <div className="user-menu" data-testid="user-menu" ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        onClick={() => setIsOpen((open) => !open)}
        onKeyDown={handleButtonKeyDown}
      >
        <span className="avatar" aria-hidden="true">
          {initials(user.displayName)}
        </span>
        <span className="user-menu-name">{user.displayName}</span>
        <span className="chevron" aria-hidden="true">
          ▾
        </span>
      </button>
      {isOpen ? (
        <ul id={menuId} role="menu" aria-label="Account" className="menu" ref={menuRef} onKeyDown={handleMenuKeyDown}>
          <li role="none" className="menu-caption">
            {user.email}
          </li>
          <li role="none">
            <button type="button" role="menuitem" className="menu-item" onClick={handleAccount}>
              Account
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" className="menu-item" onClick={handleLogout}>
              Log out
            </button>
          </li>
        </ul>
      ) : null}
      {logoutError ? (
        <p className="menu-error" role="alert">
          {logoutError}
        </p>
      ) : null}
    </div>
  );
}

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => Array.from(word)[0] ?? '');
  return ((letters[0] ?? '') + (letters.length > 1 ? (letters[letters.length - 1] ?? '') : '')).toUpperCase() || '?';
}
