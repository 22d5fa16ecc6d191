// SemVer 2.0.0 ordering with the semver package (npm, crates.io, Go modules, Hex): a leading 'v'
// is read as Go writes it. Pub (Dart) orders the same way except that build metadata counts:
// 1.0.0 < 1.0.0+build, builds compared like pre-release identifiers.
import semver from 'semver';
import type { SemVer } from 'semver';
import { bad, defineScheme, ok } from './scheme.js';
import type { Order, Parsed } from './scheme.js';

function parseSemver(text: string): Parsed<SemVer> {
  const parsed = semver.parse(text.trim(), { loose: false });
  if (parsed === null) return bad('SemVer 2.0.0: MAJOR.MINOR.PATCH[-pre.release][+build], an optional leading v');
  return ok(parsed, parsed.version + (parsed.build.length > 0 ? `+${parsed.build.join('.')}` : ''));
}

export const semverScheme = defineScheme<SemVer>({
  rule: 'SemVer 2.0.0 precedence (semver package; build metadata ignored)',
  parse: parseSemver,
  compare: (a, b) => a.compare(b) as Order,
});

export const pubScheme = defineScheme<SemVer>({
  rule: 'pub_semver ordering (SemVer precedence, then build metadata, a build after none)',
  parse: parseSemver,
  compare(a, b) {
    const main = a.compare(b) as Order;
    if (main !== 0) return main;
    if (a.build.length === 0 || b.build.length === 0) return a.build.length === b.build.length ? 0 : a.build.length === 0 ? -1 : 1;
    return a.compareBuild(b) as Order;
  },
});
