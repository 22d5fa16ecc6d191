// OSV ecosystem names mapped deliberately to purl types and version schemes. OSV, purl and vers
// name the same ecosystems differently (OSV "crates.io" is purl "cargo", "RubyGems" is "gem",
// "Packagist" is "composer", "Alpine:v3.8" is "apk" with namespace "alpine", "Red Hat:<cpe>" is
// "rpm" with namespace "redhat"). The table is keyed by every name of the OSV schema's ecosystem
// list (ossf/osv-schema 51b8156), so a new name fails to compile until it is mapped or refused
// with a reason. A suffix (":<release>") is validated as the schema's ecosystem pattern does.
import type { SchemeName } from '../versions/registry.js';

export const OSV_ECOSYSTEMS = [
  'AlmaLinux', 'Alpaquita', 'Alpine', 'Android', 'Azure Linux', 'BellSoft Hardened Containers', 'Bioconductor', 'Bitnami',
  'Chainguard', 'CleanStart', 'ConanCenter', 'CRAN', 'crates.io', 'Debian', 'Docker Hardened Images', 'Echo', 'FreeBSD',
  'GHC', 'GitHub Actions', 'Go', 'Hackage', 'Hex', 'Julia', 'Kubernetes', 'Linux', 'Mageia', 'Maven', 'MinimOS', 'npm',
  'NuGet', 'opam', 'openEuler', 'openSUSE', 'OSS-Fuzz', 'Packagist', 'Photon OS', 'Pub', 'PyPI', 'Red Hat', 'Rocky Linux',
  'Root', 'RubyGems', 'SUSE', 'SwiftURL', 'TuxCare', 'Ubuntu', 'VSCode', 'Wolfi',
] as const;
export type OsvEcosystem = (typeof OSV_ECOSYSTEMS)[number];

export interface EcosystemMapping {
  readonly purlType: string;
  /** The purl namespace the ecosystem implies (distributions), if any. */
  readonly namespace?: string;
  readonly scheme: SchemeName;
  /** How the package name splits into purl namespace and name. */
  readonly split?: 'maven' | 'path';
}

export type EcosystemEntry = EcosystemMapping | { readonly refused: string };

export const OSV_ECOSYSTEM_MAP: { readonly [E in OsvEcosystem]: EcosystemEntry } = {
  AlmaLinux: { purlType: 'rpm', namespace: 'almalinux', scheme: 'rpm' },
  Alpaquita: { purlType: 'apk', namespace: 'alpaquita', scheme: 'apk' },
  Alpine: { purlType: 'apk', namespace: 'alpine', scheme: 'apk' },
  Android: { refused: 'Android components have no purl type and patch-level versions, not package versions' },
  'Azure Linux': { purlType: 'rpm', namespace: 'azure-linux', scheme: 'rpm' },
  'BellSoft Hardened Containers': { refused: 'no purl namespace is registered for BellSoft Hardened Containers' },
  Bioconductor: { refused: 'no purl type is registered for Bioconductor and no version scheme is built for it' },
  Bitnami: { refused: 'Bitnami versions follow each upstream project, no single scheme' },
  Chainguard: { purlType: 'apk', namespace: 'chainguard', scheme: 'apk' },
  CleanStart: { refused: 'no purl namespace is registered for CleanStart' },
  ConanCenter: { purlType: 'conan', scheme: 'conan' },
  CRAN: { purlType: 'cran', scheme: 'cran' },
  'crates.io': { purlType: 'cargo', scheme: 'cargo' },
  Debian: { purlType: 'deb', namespace: 'debian', scheme: 'deb' },
  'Docker Hardened Images': { refused: 'no purl namespace is registered for Docker Hardened Images' },
  Echo: { refused: 'Echo packages span several ecosystems, no single purl type' },
  FreeBSD: { refused: 'no purl type is registered for FreeBSD ports and no version scheme is built for it' },
  GHC: { refused: 'GHC compiler releases have no purl type' },
  'GitHub Actions': { refused: 'GitHub Actions are named by repository and tag, not by a package version scheme' },
  Go: { purlType: 'golang', scheme: 'golang', split: 'path' },
  Hackage: { purlType: 'hackage', scheme: 'hackage' },
  Hex: { purlType: 'hex', scheme: 'hex' },
  Julia: { refused: 'no version scheme is built for Julia (a julia purl also needs the uuid qualifier)' },
  Kubernetes: { refused: 'Kubernetes components are not packages with a purl type' },
  Linux: { refused: 'the Linux kernel has no purl type; its ranges are GIT ranges' },
  Mageia: { purlType: 'rpm', namespace: 'mageia', scheme: 'rpm' },
  Maven: { purlType: 'maven', scheme: 'maven', split: 'maven' },
  MinimOS: { purlType: 'apk', namespace: 'minimos', scheme: 'apk' },
  npm: { purlType: 'npm', scheme: 'npm', split: 'path' },
  NuGet: { purlType: 'nuget', scheme: 'nuget' },
  opam: { refused: 'no version scheme is built for opam' },
  openEuler: { purlType: 'rpm', namespace: 'openeuler', scheme: 'rpm' },
  openSUSE: { purlType: 'rpm', namespace: 'opensuse', scheme: 'rpm' },
  'OSS-Fuzz': { refused: 'OSS-Fuzz records name source repositories, with GIT ranges' },
  Packagist: { purlType: 'composer', scheme: 'composer', split: 'path' },
  'Photon OS': { purlType: 'rpm', namespace: 'photon', scheme: 'rpm' },
  Pub: { purlType: 'pub', scheme: 'pub' },
  PyPI: { purlType: 'pypi', scheme: 'pypi' },
  'Red Hat': { purlType: 'rpm', namespace: 'redhat', scheme: 'rpm' },
  'Rocky Linux': { purlType: 'rpm', namespace: 'rocky-linux', scheme: 'rpm' },
  Root: { refused: 'Root.io images carry several distributions, no single purl type' },
  RubyGems: { purlType: 'gem', scheme: 'gem' },
  SUSE: { purlType: 'rpm', namespace: 'suse', scheme: 'rpm' },
  SwiftURL: { refused: 'no version scheme is built for Swift packages' },
  TuxCare: { refused: 'TuxCare spans several distributions, no single purl namespace' },
  Ubuntu: { purlType: 'deb', namespace: 'ubuntu', scheme: 'deb' },
  VSCode: { refused: 'no version scheme is built for VS Code extensions' },
  Wolfi: { purlType: 'apk', namespace: 'wolfi', scheme: 'apk' },
};

/** The OSV schema's ecosystem pattern: a listed name, optionally ":<suffix>" (GIT is a range type). */
export const ECOSYSTEM_WITH_SUFFIX = new RegExp(`^(${[...OSV_ECOSYSTEMS, 'GIT'].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(:.+)?$`);

export type EcosystemReading =
  | { readonly ok: true; readonly ecosystem: OsvEcosystem; readonly suffix?: string; readonly mapping: EcosystemMapping }
  | { readonly ok: false; readonly rule: string };

export function readEcosystem(name: string): EcosystemReading {
  const m = ECOSYSTEM_WITH_SUFFIX.exec(name);
  if (m === null || m[1] === 'GIT') return { ok: false, rule: `"${name}" is not an OSV ecosystem name with an optional ":<suffix>" (osv-schema ecosystem pattern)` };
  const ecosystem = m[1] as OsvEcosystem;
  const entry = OSV_ECOSYSTEM_MAP[ecosystem];
  if ('refused' in entry) return { ok: false, rule: `OSV ecosystem "${ecosystem}" is not mapped: ${entry.refused}` };
  const suffix = m[2]?.slice(1);
  return suffix === undefined ? { ok: true, ecosystem, mapping: entry } : { ok: true, ecosystem, suffix, mapping: entry };
}
