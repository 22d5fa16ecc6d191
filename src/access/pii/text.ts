// Every text detector over one string, in order of position. Spans of different kinds may overlap
// (a 12-digit number can be both an Aadhaar and a My Number); redaction merges overlapping spans.
import { findEmails } from './email.js';
import type { TextMatch } from './kinds.js';
import { findNationalIds } from './national-ids.js';
import { findPhones } from './phone.js';

export function findInText(text: string): TextMatch[] {
  const emails = findEmails(text);
  const inEmail = (m: TextMatch) => emails.some((e) => m.start < e.end && e.start < m.end);
  // Digits inside an address (9876543210@example.com) belong to the address, not to a phone.
  const others = [...findPhones(text), ...findNationalIds(text)].filter((m) => !inEmail(m));
  return [...emails, ...others].sort((a, b) => a.start - b.start || a.end - b.end);
}
