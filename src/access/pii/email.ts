// E-mail addresses in free text, plain or defanged: the at-sign may be written @, [at], (at), {at},
// [@], (@) or " at " between brackets, and dots in the domain as ., [.], (.), {.}, [dot], (dot).
// Role mailboxes of organisations (abuse@, security@, ...) are reported as exempt: they are not an
// individual's address.
import type { TextMatch } from './kinds.js';

const AT = String.raw`(?:@|\s?[\[({]\s?(?:at|@)\s?[\])}]\s?)`;
const DOT = String.raw`(?:\.|\s?[\[({]\s?(?:\.|dot)\s?[\])}]\s?)`;
const LABEL = String.raw`[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?`;
// Quotes, braces and backticks are legal in a local part but are left out: they delimit the address
// in patterns, JSON-ish text and defanged forms far more often than they belong to it.
const LOCAL = String.raw`[a-z0-9!#$%&*+/=?^_~-]+(?:\.[a-z0-9!#$%&*+/=?^_~-]+)*`;
const EMAIL = new RegExp(String.raw`(?<![a-z0-9._%+-])(${LOCAL})${AT}((?:${LABEL}${DOT})+[a-z]{2,63})(?![a-z0-9-])`, 'gi');

const ROLE_MAILBOXES: ReadonlySet<string> = new Set([
  'abuse', 'security', 'cert', 'csirt', 'psirt', 'soc', 'noc', 'incident', 'incidents', 'info', 'contact',
  'support', 'postmaster', 'hostmaster', 'webmaster', 'admin', 'helpdesk', 'report', 'reports', 'secops',
]);

/** Lower-case `local@domain` with every defanged separator restored. */
export function refangEmail(local: string, domain: string): string {
  return `${local}@${domain.replace(new RegExp(DOT, 'gi'), '.')}`.toLowerCase();
}

export function findEmails(text: string): TextMatch[] {
  const out: TextMatch[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const local = m[1] ?? '';
    const domain = m[2] ?? '';
    out.push({ kind: 'email', start: m.index, end: m.index + m[0].length, match: m[0], normal: refangEmail(local, domain) });
  }
  return out;
}

export function isRoleMailbox(normalEmail: string): boolean {
  const local = normalEmail.slice(0, normalEmail.indexOf('@')).split('+')[0] ?? '';
  return ROLE_MAILBOXES.has(local);
}
