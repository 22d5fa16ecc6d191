// Which ordering each ecosystem uses: one table keyed by the scheme names (purl/vers type names),
// so adding a name fails to compile until it has a comparator. Names outside it are unsupported.
import { apkScheme } from './apk.js';
import { composerScheme } from './composer.js';
import { conanScheme } from './conan.js';
import { dpkgScheme } from './dpkg.js';
import { gentooScheme } from './gentoo.js';
import { mavenScheme } from './maven.js';
import { nugetScheme } from './nuget.js';
import { pep440Scheme } from './pep440.js';
import { alpmScheme, rpmScheme } from './rpm.js';
import { rubygemsScheme } from './rubygems.js';
import type { VersionScheme } from './scheme.js';
import { pubScheme, semverScheme } from './semver.js';
import { cranScheme, datetimeScheme, hackageScheme, lexicographicScheme, opensslScheme } from './simple.js';

export const SCHEME_NAMES = [
  'semver',
  'npm',
  'cargo',
  'golang',
  'hex',
  'pub',
  'pypi',
  'maven',
  'deb',
  'rpm',
  'apk',
  'alpm',
  'nuget',
  'gem',
  'composer',
  'conan',
  'gentoo',
  'openssl',
  'cran',
  'hackage',
  'datetime',
  'lexicographic',
] as const;

export type SchemeName = (typeof SCHEME_NAMES)[number];

export const SCHEMES: { readonly [S in SchemeName]: VersionScheme<unknown> } = {
  semver: semverScheme,
  npm: semverScheme,
  cargo: semverScheme,
  golang: semverScheme,
  hex: semverScheme,
  pub: pubScheme,
  pypi: pep440Scheme,
  maven: mavenScheme,
  deb: dpkgScheme,
  rpm: rpmScheme,
  apk: apkScheme,
  alpm: alpmScheme,
  nuget: nugetScheme,
  gem: rubygemsScheme,
  composer: composerScheme,
  conan: conanScheme,
  gentoo: gentooScheme,
  openssl: opensslScheme,
  cran: cranScheme,
  hackage: hackageScheme,
  datetime: datetimeScheme,
  lexicographic: lexicographicScheme,
};

export function isSchemeName(name: string): name is SchemeName {
  return (SCHEME_NAMES as readonly string[]).includes(name);
}
