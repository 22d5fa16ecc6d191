// Who is outside the node's jurisdiction: a reader there receives what the outbound gate lets out
// for it, by any path (direct read, export, federation); a reader inside sees objects as written.
// The rule, in order:
//   1. an organisation the profile lists in outside.organisations       -> outside
//   2. an organisation of a country the profile lists in outside.countries -> outside
//   3. an organisation with no country on record                        -> outside (unknown is not home)
//   4. an organisation whose country is not the node's                 -> outside
//   5. otherwise                                                         -> inside
// Pure.
import type { JurisdictionProfile } from './profiles.js';

export interface JurisdictionHome {
  /** The node's country (ISO 3166-1 alpha-2). */
  readonly country: string;
  readonly profile: JurisdictionProfile;
}

export interface OrganisationPlace {
  readonly id: string;
  readonly country: string | null;
}

export function isOutside(org: OrganisationPlace, home: JurisdictionHome): boolean {
  const listed = home.profile.outside;
  if (listed?.organisations.includes(org.id) === true) return true;
  const country = org.country?.toUpperCase() ?? null;
  if (country === null || country === '') return true;
  if (listed?.countries.includes(country) === true) return true;
  return country !== home.country.toUpperCase();
}
