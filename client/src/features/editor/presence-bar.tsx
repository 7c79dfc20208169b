import type { Awareness } from 'y-protocols/awareness';
import { useSlateStatic } from 'slate-react';
import { initials } from '../../editor/user-color.ts';
import { isTurn } from '../../editor/nodes.ts';
import { useAwarenessUsers } from './use-awareness-users.ts';

/** Who is in the transcript and which turn each one is in. */
export function PresenceBar({ awareness }: { awareness: Awareness }) {
  const users = useAwarenessUsers(awareness);
  const editor = useSlateStatic();
  const where = (turnId: string | null) => {
    if (!turnId) return 'not in a turn';
    const index = editor.children.findIndex((block) => isTurn(block) && block.id === turnId);
    return index === -1 ? 'not in a turn' : `in turn ${index + 1}`;
  };
  return (
    <ul className="presence" data-testid="presence" aria-label="People in this transcript">
      {users.map((user) => {
        const description = `${user.name}${user.isMe ? ' (you)' : ''}, ${where(user.turnId)}`;
        return (
          <li key={user.clientId} className="presence-user" title={description} data-user-id={user.userId} data-turn-id={user.turnId ?? ''}>
            <span className="avatar" style={{ backgroundColor: user.color }} aria-hidden="true">
              {initials(user.name)}
            </span>
            <span className="visually-hidden">{description}</span>
          </li>
        );
      })}
    </ul>
  );
}
