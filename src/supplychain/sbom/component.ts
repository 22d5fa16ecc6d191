// One SBOM component in the form every reader returns, and the checks that turn a raw
// (purl, cpe, name, version, ref) into it: the purl is made canonical with the purl code, its type
// is checked against the registered purl types, and its version is read under the type's scheme.
// What cannot be read is reported as a finding (warning) and the component is kept when a name is
// known, so one bad entry never loses the rest of the SBOM.
import { finding } from '../errors.js';
import type { Finding } from '../errors.js';
import { parseVersion } from '../compare.js';
import { parsePurl } from '../purl.js';
import { isSchemeName } from '../versions/registry.js';

export interface Component {
  /** The canonical purl (with version and qualifiers), when the SBOM gave a readable one. */
  readonly purl?: string;
  /** The canonical purl of the package alone: the join key with advisories. */
  readonly packageKey?: string;
  readonly cpe?: string;
  readonly name: string;
  readonly version?: string;
  /** CycloneDX bom-ref or SPDX SPDXID. */
  readonly ref: string;
  readonly supplier?: string;
}

export type SbomFormat = 'cyclonedx-json' | 'cyclonedx-xml' | 'spdx-json';

export interface SbomReading {
  readonly format: SbomFormat;
  /** The document's own identity (CycloneDX serialNumber, SPDX documentNamespace) or the name given. */
  readonly document: string;
  readonly specVersion: string;
  readonly components: readonly Component[];
  readonly findings: readonly Finding[];
}

/** The purl types of the purl specification's registry (PURL-TYPES at purl-spec 16f3d0e). */
export const REGISTERED_PURL_TYPES = [
  'alpm', 'apk', 'bazel', 'bitbucket', 'bitnami', 'brew', 'cargo', 'chrome-extension', 'cocoapods', 'composer', 'conan',
  'conda', 'cpan', 'cran', 'deb', 'docker', 'gem', 'generic', 'git', 'github', 'golang', 'hackage', 'hex', 'huggingface',
  'julia', 'luarocks', 'maven', 'mlflow', 'npm', 'nuget', 'oci', 'opam', 'otp', 'pub', 'pypi', 'qpm', 'rpm', 'swid',
  'swift', 'vcpkg', 'vscode-extension', 'yocto',
] as const;

const REGISTERED: ReadonlySet<string> = new Set(REGISTERED_PURL_TYPES);

export interface RawComponent {
  readonly purl?: string | undefined;
  readonly cpe?: string | undefined;
  readonly name?: string | undefined;
  readonly version?: string | undefined;
  readonly ref: string;
  readonly supplier?: string | undefined;
}

const nonEmpty = (s: string | undefined): s is string => typeof s === 'string' && s.trim() !== '';

/** Normalise one raw component; findings name the document and the component's path. */
export function normaliseComponent(raw: RawComponent, document: string, path: string): { component?: Component; findings: Finding[] } {
  const findings: Finding[] = [];
  const warn = (rule: string, at = path): void => void findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_COMPONENT', document, at, rule, 'warning'));
  let purl: string | undefined;
  let packageKey: string | undefined;
  let purlVersion: string | undefined;
  let purlName: string | undefined;
  if (nonEmpty(raw.purl)) {
    const parsed = parsePurl(raw.purl);
    if (!parsed.ok) warn(`purl "${raw.purl}" cannot be read: ${parsed.problem.rule}`, `${path}.purl`);
    else {
      const p = parsed.value;
      if (!REGISTERED.has(p.type)) warn(`purl type "${p.type}" is not a registered purl type, so no advisory can name it (${raw.purl})`, `${path}.purl`);
      purl = p.canonical;
      packageKey = p.packageKey;
      purlName = p.name;
      purlVersion = p.version ?? undefined;
      if (p.version === null) warn(`purl "${raw.purl}" has no version: it can match no version range`, `${path}.purl`);
      else if (isSchemeName(p.type)) {
        const v = parseVersion(p.type, p.version);
        if (!v.ok) warn(`version "${p.version}" of ${p.canonical} cannot be read under the ${p.type} scheme: ${v.problem.rule}`, `${path}.purl`);
      }
    }
  }
  const name = nonEmpty(raw.name) ? raw.name : purlName;
  if (name === undefined) {
    warn('a component has neither a name nor a readable purl: it is left out');
    return { findings };
  }
  const version = nonEmpty(raw.version) ? raw.version : purlVersion;
  if (version === undefined && purl === undefined) warn(`component "${name}" has no version: it can match no version range`);
  const component: Component = {
    name,
    ref: raw.ref,
    ...(purl === undefined ? {} : { purl, packageKey: packageKey! }),
    ...(nonEmpty(raw.cpe) ? { cpe: raw.cpe } : {}),
    ...(version === undefined ? {} : { version }),
    ...(nonEmpty(raw.supplier) ? { supplier: raw.supplier } : {}),
  };
  return { component, findings };
}
