// The `setu` command table. Each command is a thin declaration over a plain `run(options, io)`
// function in commands/, imported lazily so `setu validate` never loads the HTTP server. This is
// the one place that turns failures into exit codes: 0 ok, 1 the work failed, 2 usage/config.
import { Argument, Command, CommanderError, Option } from 'commander';
import { isSetuError } from '../errors/index.js';
import { EXIT, ExitError, type ExitCode } from './errors.js';
import { processIo, type CliIo } from './io.js';
import { exitCodeForSetuError } from './exit-codes.js';
import { setuVersion } from '../version.js';
import { readStdinText } from './stdin-text.js';

const DEFAULT_DATA = './setu-data';
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = '6565';

const dataOption = () => new Option('--data <dir>', 'node data directory').env('SETU_DATA').default(DEFAULT_DATA);
const hostOption = () => new Option('--host <host>', 'address to listen on').env('SETU_HOST').default(DEFAULT_HOST);
const portOption = () => new Option('--port <port>', 'TCP port to listen on').env('SETU_PORT').default(DEFAULT_PORT);
const jsonOption = () => new Option('--json', 'print the result as JSON');
const list = (value: string): string[] => value.split(',').map((s) => s.trim()).filter(Boolean);

function serverOptions(command: Command): Command {
  return command
    .addOption(hostOption())
    .addOption(portOption())
    .option('--tls-cert <file>', 'PEM certificate chain: serve HTTPS (TLS 1.2+)')
    .option('--tls-key <file>', 'PEM private key for --tls-cert')
    .option('--tls-client-ca <file>', 'PEM CA bundle: require client certificates signed by it (mutual TLS)')
    .option('--allow-plain-http', 'serve plain HTTP on a non-loopback address (only behind a TLS proxy; set trustProxy in node.json so X-Forwarded-For names the client)')
    .addOption(new Option('--log-level <level>', 'log level').choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'));
}

/** Commander wants actions that resolve to nothing; commands return their result for tests. */
function quiet<A extends unknown[]>(action: (...args: A) => Promise<unknown>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    await action(...args);
  };
}

export function buildProgram(io: CliIo): Command {
  const program = new Command('setu')
    .description('Setu: STIX 2.1 / TAXII 2.1 threat-intelligence sharing node')
    .version(setuVersion(), '-V, --version', 'print the version of Setu')
    // A usage error is reported by exitCodeFor (one line and a hint, or JSON), not here.
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => {} })
    .exitOverride();

  program
    .command('init')
    .description("create a node in a data directory, with its own organisation, and print its admin token (shown once)")
    .addOption(dataOption())
    .option('--node-name <name>', 'name of this node', 'setu-node')
    .option('--country <cc>', 'ISO 3166-1 alpha-2 country of this node and its organisation', 'IN')
    .option('--org-id <id>', "id of the node's own organisation, e.g. cert-in (default: the node name as an id)")
    .option('--org-name <name>', "display name of the node's own organisation (default: the node name)")
    .addOption(new Option('--kind <kind>', "kind of the node's own organisation").choices(['government', 'cert', 'cii-operator', 'ict-vendor', 'other']))
    .addOption(jsonOption())
    .action(quiet(async (o) =>
      (await import('./commands/init.js')).run({ data: o.data, nodeName: o.nodeName, country: o.country, orgId: o.orgId, orgName: o.orgName, kind: o.kind, json: Boolean(o.json) }, io),
    ));

  serverOptions(program.command('serve').description('serve the TAXII 2.1 API of an initialised node').addOption(dataOption())).action(quiet(
    async (o) => (await import('./commands/serve.js')).run(serveFlags(o), io),
  ));

  serverOptions(
    program.command('start').description('first-run convenience: create ./setu-data with the demo data set if absent, then serve and print a ready curl line with the session token (kept in DIR/session-token and used again while live)').addOption(dataOption()),
  ).action(quiet(async (o) => (await import('./commands/start.js')).run(serveFlags(o), io)));

  const org = program.command('org').description('manage member organisations');
  org
    .command('create')
    .description('register an organisation')
    .addOption(dataOption())
    .requiredOption('--id <id>', 'short stable id, e.g. cert-in (lower-case letters, digits, hyphens)')
    .requiredOption('--name <name>', 'display name')
    .option('--country <cc>', 'ISO 3166-1 alpha-2 country')
    .addOption(new Option('--kind <kind>', 'kind of organisation').choices(['government', 'cert', 'cii-operator', 'ict-vendor', 'other']))
    .option('--sector <sectors>', 'comma-separated sectors (see `setu org sectors`)', list)
    .option('--client <orgs>', 'comma-separated organisation ids of its clients (TLP:AMBER may reach them)', list)
    .option('--consent-attribution', 'its objects may name it (created_by_ref) when they leave the node')
    .addOption(jsonOption())
    .action(quiet(async (o) =>
      (await import('./commands/org.js')).create(
        { data: o.data, id: o.id, name: o.name, country: o.country, kind: o.kind, sectors: o.sector, clients: o.client, consentAttribution: o.consentAttribution === true ? true : undefined, json: Boolean(o.json) },
        io,
      ),
    ));
  org
    .command('update')
    .description('change an organisation (only the options given)')
    .addOption(dataOption())
    .requiredOption('--id <id>', 'the organisation')
    .option('--name <name>', 'display name')
    .option('--country <cc>', 'ISO 3166-1 alpha-2 country')
    .addOption(new Option('--kind <kind>', 'kind of organisation').choices(['government', 'cert', 'cii-operator', 'ict-vendor', 'other']))
    .option('--sector <sectors>', 'comma-separated sectors, replacing the current ones', list)
    .option('--client <orgs>', 'comma-separated client organisation ids, replacing the current ones', list)
    .option('--consent-attribution', 'consent to attribution')
    .option('--no-consent-attribution', 'withdraw consent to attribution')
    .addOption(jsonOption())
    .action(quiet(async (o) =>
      (await import('./commands/org.js')).update(
        { data: o.data, id: o.id, name: o.name, country: o.country, kind: o.kind, sectors: o.sector, clients: o.client, consentAttribution: o.consentAttribution, json: Boolean(o.json) },
        io,
      ),
    ));
  org
    .command('sectors')
    .description('list the built-in organisation kinds and sectors (India NCIIPC, Japan 15 CI sectors)')
    .addOption(jsonOption())
    .action(quiet(async (o) => (await import('./commands/org.js')).sectors({ json: Boolean(o.json) }, io)));
  org
    .command('list')
    .description('list organisations')
    .addOption(dataOption())
    .addOption(jsonOption())
    .action(quiet(async (o) => (await import('./commands/org.js')).list({ data: o.data, json: Boolean(o.json) }, io)));

  const token = program.command('token').description('manage API tokens');
  token
    .command('create')
    .description('create an API token for an organisation and print it (shown once)')
    .addOption(dataOption())
    .requiredOption('--org <org>', 'organisation id the token acts for')
    .addOption(new Option('--role <role>', 'role of the token').choices(['node-admin', 'org-admin', 'analyst', 'reader', 'peer']).makeOptionMandatory())
    .option('--label <label>', 'a note saying who or what holds the token')
    .option('--expires-in-days <days>', 'expire the token after this many days')
    .addOption(jsonOption())
    .action(quiet(async (o) =>
      (await import('./commands/token.js')).create(
        { data: o.data, org: o.org, role: o.role, label: o.label, expiresInDays: o.expiresInDays === undefined ? undefined : Number(o.expiresInDays), json: Boolean(o.json) },
        io,
      ),
    ));
  token
    .command('list')
    .description('list tokens (never their secrets)')
    .addOption(dataOption())
    .addOption(jsonOption())
    .action(quiet(async (o) => (await import('./commands/token.js')).list({ data: o.data, json: Boolean(o.json) }, io)));
  token
    .command('revoke')
    .description('revoke a token by its id')
    .addOption(dataOption())
    .argument('<id>', 'token id (from `setu token list`)')
    .addOption(jsonOption())
    .action(quiet(async (id, o) => (await import('./commands/token.js')).revoke({ data: o.data, id, json: Boolean(o.json) }, io)));

  const user = program.command('user').description('manage people of organisations (they sign in with a password + TOTP or their organisation\'s SSO)');
  const userModule = () => import('./commands/user.js');
  const passwordOf = async (o: { passwordStdin?: boolean }) => (o.passwordStdin ? (await readStdinText()).split(/\r?\n/)[0] : undefined);
  user
    .command('add')
    .description('add a person to an organisation')
    .addOption(dataOption())
    .requiredOption('--org <org>', 'organisation id the person belongs to')
    .requiredOption('--email <email>', 'e-mail address (unique on the node)')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--role <role>', 'role of the person').choices(['node-admin', 'org-admin', 'analyst', 'reader']).makeOptionMandatory())
    .addOption(new Option('--language <language>', 'preferred language of the console').choices(['en', 'ja', 'hi']).default('en'))
    .option('--password-stdin', 'read an initial password from the first line of standard input (absent: SSO only, or set later by reset)')
    .addOption(jsonOption())
    .action(quiet(async (o) =>
      (await userModule()).add({ data: o.data, org: o.org, email: o.email, name: o.name, role: o.role, language: o.language, password: await passwordOf(o), json: Boolean(o.json) }, io),
    ));
  user
    .command('list')
    .description('list people (never their password hashes or second factors)')
    .addOption(dataOption())
    .option('--org <org>', 'only this organisation\'s people')
    .addOption(jsonOption())
    .action(quiet(async (o) => (await userModule()).list({ data: o.data, org: o.org, json: Boolean(o.json) }, io)));
  user
    .command('show')
    .description('show one person')
    .addOption(dataOption())
    .argument('<user>', 'user id or e-mail')
    .addOption(jsonOption())
    .action(quiet(async (u, o) => (await userModule()).show({ data: o.data, user: u, json: Boolean(o.json) }, io)));
  user
    .command('disable')
    .description('disable a person (never deleted: the audit log names them); their sessions and personal tokens end')
    .addOption(dataOption())
    .argument('<user>', 'user id or e-mail')
    .addOption(jsonOption())
    .action(quiet(async (u, o) => (await userModule()).disable({ data: o.data, user: u, json: Boolean(o.json) }, io)));
  user
    .command('role')
    .description('change a person\'s role')
    .addOption(dataOption())
    .argument('<user>', 'user id or e-mail')
    .addArgument(new Argument('<role>', 'the new role').choices(['node-admin', 'org-admin', 'analyst', 'reader']))
    .addOption(jsonOption())
    .action(quiet(async (u, r, o) => (await userModule()).role({ data: o.data, user: u, role: r, json: Boolean(o.json) }, io)));
  user
    .command('reset')
    .description('reset a person\'s credentials: second factor and recovery codes removed, sessions and personal tokens ended, password replaced')
    .addOption(dataOption())
    .argument('<user>', 'user id or e-mail')
    .option('--password-stdin', 'read the new password from the first line of standard input (absent: no password)')
    .addOption(jsonOption())
    .action(quiet(async (u, o) => (await userModule()).reset({ data: o.data, user: u, password: await passwordOf(o), json: Boolean(o.json) }, io)));
  user
    .command('link')
    .description('link a person an admin added to their identity at the organisation\'s OIDC provider, so they can sign in through SSO')
    .addOption(dataOption())
    .argument('<user>', 'user id or e-mail')
    .requiredOption('--issuer <url>', 'the identity provider\'s issuer URL')
    .requiredOption('--subject <sub>', 'the person\'s subject (sub claim) at that provider')
    .addOption(jsonOption())
    .action(quiet(async (u, o) => (await userModule()).link({ data: o.data, user: u, issuer: o.issuer, subject: o.subject, json: Boolean(o.json) }, io)));

  const collection = program.command('collection').description('manage TAXII collections (sharing channels)');
  collection
    .command('create')
    .description('create a collection and print its id')
    .addOption(dataOption())
    .requiredOption('--title <title>', 'human-readable title')
    .option('--description <text>', 'what is shared here')
    .option('--alias <alias>', 'short alias')
    .option('--read <orgs>', 'comma-separated organisation ids that may read', list, [])
    .option('--write <orgs>', 'comma-separated organisation ids that may write', list, [])
    .option('--read-community <ids>', 'comma-separated communities whose members may read', list, [])
    .option('--write-community <ids>', 'comma-separated communities whose members may write', list, [])
    .option('--default-tlp <level>', 'TLP for objects that carry none: clear, green, amber, amber+strict, red', 'green')
    .option('--public', 'clients without a token see it in TAXII collections and read its TLP:CLEAR objects')
    .addOption(jsonOption())
    .action(quiet(async (o) =>
      (await import('./commands/collection.js')).create(
        {
          data: o.data,
          title: o.title,
          description: o.description,
          alias: o.alias,
          read: o.read,
          write: o.write,
          readCommunities: o.readCommunity,
          writeCommunities: o.writeCommunity,
          defaultTlp: o.defaultTlp,
          public: Boolean(o.public),
          json: Boolean(o.json),
        },
        io,
      ),
    ));
  collection
    .command('list')
    .description('list collections with their audiences')
    .addOption(dataOption())
    .addOption(jsonOption())
    .action(quiet(async (o) => (await import('./commands/collection.js')).list({ data: o.data, json: Boolean(o.json) }, io)));

  const community = program.command('community').description('manage communities (named sets of organisations a collection can share with)');
  community
    .command('create')
    .description('create a community')
    .addOption(dataOption())
    .requiredOption('--id <id>', 'short stable id, e.g. in-jp-g2g')
    .requiredOption('--name <name>', 'display name, e.g. "IN-JP G2G"')
    .option('--description <text>', 'who it is for')
    .option('--member <orgs>', 'comma-separated member organisation ids', list, [])
    .addOption(jsonOption())
    .action(quiet(async (o) =>
      (await import('./commands/community.js')).create({ data: o.data, id: o.id, name: o.name, description: o.description, members: o.member, json: Boolean(o.json) }, io),
    ));
  community
    .command('list')
    .description('list communities and their members')
    .addOption(dataOption())
    .addOption(jsonOption())
    .action(quiet(async (o) => (await import('./commands/community.js')).list({ data: o.data, json: Boolean(o.json) }, io)));
  community
    .command('add-member')
    .description('add an organisation to a community')
    .addOption(dataOption())
    .argument('<community>', 'community id')
    .argument('<org>', 'organisation id')
    .addOption(jsonOption())
    .action(quiet(async (communityId, orgId, o) => (await import('./commands/community.js')).addMember({ data: o.data, community: communityId, org: orgId, json: Boolean(o.json) }, io)));

  program
    .command('import')
    .description('import STIX bundles or JSON-lines files into a collection, reporting per-object failures')
    .addOption(dataOption())
    .requiredOption('--collection <id>', 'collection id')
    .option('--as <org>', "organisation the objects are imported for (their owner; it must have write on the collection); default the node's own")
    .option('--upgrade-from-2.0', 'convert STIX 2.0 content to 2.1 (reporting each change per object) instead of refusing it')
    .argument('<files...>', 'bundle (.json) or JSON-lines files')
    .addOption(jsonOption())
    .action(quiet(async (files, o) => (await import('./commands/import.js')).run({ data: o.data, collection: o.collection, files, as: o.as, upgradeFrom20: Boolean(o['upgradeFrom2.0']), json: Boolean(o.json) }, io)));

  const practices = program.command('practices').description('best practices: import ATT&CK (techniques, mitigations) and show what to do about an indicator, sighting, malware, campaign, intrusion set or technique');
  practices
    .command('import')
    .description('import an ATT&CK bundle (Enterprise, ICS, Mobile) into a collection through the ordinary import, with a summary of its techniques and mitigations')
    .addOption(dataOption())
    .requiredOption('--collection <id>', 'collection id')
    .option('--as <org>', "organisation the objects are imported for (it must have write on the collection); default the node's own")
    .argument('<file>', 'the ATT&CK STIX 2.1 bundle (e.g. ics-attack.json)')
    .addOption(jsonOption())
    .action(quiet(async (file, o) => (await import('./commands/practices.js')).importBundle({ data: o.data, collection: o.collection, file, as: o.as, json: Boolean(o.json) }, io)));
  practices
    .command('for')
    .description('what to do about an object: the ATT&CK techniques it involves (and why), their mitigations, and the practices partners shared, from what the reader may read')
    .addOption(dataOption())
    .option('--as <org>', "read as this organisation (its collections, TLP and RED recipients; the outbound gate when it is of another jurisdiction); default the node's own")
    .addOption(new Option('--lang <lang>', 'language of the text, from language-content translations when present').choices(['en', 'ja', 'hi']).default('en'))
    .argument('<id>', 'STIX id of an indicator, sighting, malware, campaign, intrusion set, tool or attack pattern')
    .addOption(jsonOption())
    .action(quiet(async (id, o) => (await import('./commands/practices.js')).forObject({ data: o.data, id, as: o.as, lang: o.lang, json: Boolean(o.json) }, io)));

  program
    .command('export')
    .description('write a collection (or what was added after a time) as one STIX bundle')
    .addOption(dataOption())
    .requiredOption('--collection <id>', 'collection id')
    .option('--added-after <timestamp>', 'only objects added after this RFC 3339 timestamp')
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--as <org>', 'export on behalf of this organisation: only what it may read and pass on (TLP rules)')
    .option('--to <org>', 'with --as: the organisation the export is handed to (default: the --as organisation)')
    .action(quiet(async (o) => (await import('./commands/export.js')).run({ data: o.data, collection: o.collection, addedAfter: o.addedAfter, out: o.out, as: o.as, to: o.to }, io)));

  program
    .command('validate')
    .description('validate STIX 2.1 files (bundles, objects, JSON lines); exit 1 when any is invalid')
    .argument('<files...>', 'files to validate')
    .option('--strict', 'treat SHOULD-level findings (warnings) as errors')
    .option('--disable <checks>', 'comma-separated check names or codes to skip', list, [])
    .option('--all', `print every finding (a file with more than 20 is otherwise summarised by rule code, with the first examples)`)
    .option('--upgrade-from-2.0', 'validate what import --upgrade-from-2.0 would store: STIX 2.0 content converted to 2.1 first, its changes counted')
    .addOption(jsonOption())
    .action(quiet(async (files, o) => (await import('./commands/validate.js')).run({ files, strict: Boolean(o.strict), disabled: o.disable, all: Boolean(o.all), upgradeFrom20: Boolean(o['upgradeFrom2.0']), json: Boolean(o.json) }, io)));

  program
    .command('scan')
    .description('match log events (Zeek, Suricata eve.json, ECS, mapped JSON lines) against active indicators; --report posts sightings over TAXII')
    .argument('[files...]', 'event files; none or - reads standard input')
    .addOption(dataOption())
    .option('--collections <ids>', 'comma-separated collections to take indicators from (default: all)', list, [])
    .option('--indicators <file>', 'take indicators from a bundle file instead of the node')
    .addOption(new Option('--format <format>', 'event format').choices(['auto', 'zeek', 'zeek-json', 'suricata', 'ecs', 'mapping']).default('auto'))
    .option('--mapping <file>', 'field-mapping file for JSON lines (implies --format mapping)')
    .option('--window <seconds>', 'sliding window for multi-observation patterns', '3600')
    .option('--aggregate <seconds>', 'sighting aggregation window', '3600')
    .option('--hits-limit <n>', 'print at most this many hits (all are counted and reported)', '1000')
    .option('--report', 'post the hits as STIX sightings to a TAXII collection')
    .option('--server <url>', 'Setu node (base, discovery or API-root URL) to report to')
    .addOption(new Option('--token <token>', 'API token for --server').env('SETU_TOKEN'))
    .option('--collection <id>', 'collection to post sightings to')
    .option('--sighted-by <identity>', 'identity id of the organisation that saw the events')
    .addOption(jsonOption())
    .action(quiet(async (files, o) =>
      (await import('./commands/scan.js')).run(
        {
          files,
          data: o.data,
          collections: o.collections,
          indicators: o.indicators,
          format: o.format,
          mapping: o.mapping,
          windowSeconds: Number(o.window),
          aggregateSeconds: Number(o.aggregate),
          hitsLimit: Number(o.hitsLimit),
          json: Boolean(o.json),
          report: Boolean(o.report),
          server: o.server,
          token: o.token,
          collection: o.collection,
          sightedBy: o.sightedBy,
        },
        io,
      ),
    ));

  const pattern = program.command('pattern').description('STIX patterning tools for analysts');
  pattern
    .command('check')
    .description('check a STIX pattern: valid, or the error with line and column; exit 1 when invalid')
    .argument('<pattern>', 'the pattern, quoted')
    .addOption(jsonOption())
    .action(quiet(async (text, o) => (await import('./commands/pattern.js')).check({ pattern: text, json: Boolean(o.json) }, io)));
  pattern
    .command('match')
    .description('match a STIX pattern against observed-data in a bundle, a list of objects or a list of bundles (taken together); exit 0 whether it matches or not (no observed-data is no match), 1 when the pattern or input is invalid')
    .argument('<pattern>', 'the pattern, quoted')
    .argument('<file>', 'bundle or JSON list of observed-data and their SCOs')
    .addOption(jsonOption())
    .action(quiet(async (text, file, o) => (await import('./commands/pattern.js')).match({ pattern: text, file, json: Boolean(o.json) }, io)));

  const audit = program.command('audit').description('the tamper-evident audit log: verify it, export signed segments, show the node key, push signed checkpoints to peers');
  audit
    .command('verify')
    .description("recompute the node's hash chain and check it still holds every checkpoint recorded here (or check a partner's signed segment offline); exit 1 naming the first edited, removed or reordered entry, or the checkpoint it no longer holds")
    .addOption(dataOption())
    .option('--segment <file>', "a partner's segment file to check instead of this node's log")
    .option('--public-key <key>', "the partner node's public key (PEM file, PEM text or base64), for --segment")
    .option('--against <file>', 'a segment this node exported earlier: the log must still hold it exactly')
    .option('--peers', "also ask every Setu peer for the checkpoints it holds of this log: exit 1 on a cut-off or regrown tail, or a peer that cannot be asked")
    .addOption(jsonOption())
    .action(quiet(async (o) => (await import('./commands/audit.js')).verify({ data: o.data, segment: o.segment, publicKey: o.publicKey, against: o.against, peers: Boolean(o.peers), json: Boolean(o.json) }, io)));
  audit
    .command('checkpoint')
    .description("sign a checkpoint of the log's head (entry count, head hash, time) and keep it; with --push, send it to every Setu peer, which keeps it (exit 1 if a push failed)")
    .addOption(dataOption())
    .option('--push', 'send it to every peer registered with a public key')
    .addOption(jsonOption())
    .action(quiet(async (o) => (await import('./commands/audit.js')).checkpoint({ data: o.data, push: Boolean(o.push), json: Boolean(o.json) }, io)));
  audit
    .command('export')
    .description("write a segment of the log signed with the node's Ed25519 key, for a partner to check")
    .addOption(dataOption())
    .option('--from <seq>', 'first entry (default 1)')
    .option('--to <seq>', 'last entry (default the newest)')
    .option('--out <file>', 'write to a file instead of standard output')
    .addOption(jsonOption())
    .action(quiet(async (o) => (await import('./commands/audit.js')).exportSegment({ data: o.data, from: o.from, to: o.to, out: o.out, json: Boolean(o.json) }, io)));
  audit
    .command('key')
    .description("show the node's public key and its fingerprint (give these to partners)")
    .addOption(dataOption())
    .addOption(jsonOption())
    .action(quiet(async (o) => (await import('./commands/audit.js')).key({ data: o.data, json: Boolean(o.json) }, io)));
  audit
    .command('list')
    .description('list audit entries')
    .addOption(dataOption())
    .option('--from <seq>', 'first entry (default 1)')
    .option('--limit <n>', 'how many (default 100)')
    .addOption(jsonOption())
    .action(quiet(async (o) => (await import('./commands/audit.js')).list({ data: o.data, from: o.from, limit: o.limit, json: Boolean(o.json) }, io)));

  program
    .command('search')
    .description('search what the node holds (or, with --as, what that organisation may read): values (IP, CIDR, domain, URL, e-mail, hash, CVE, ATT&CK id; defanged too), field:value clauses and words in any language')
    .argument('<query>', 'e.g. 203.0.113.45, "domain:mail.bad.example", "sha256:<hex> type:indicator", "lateral movement", 攻撃')
    .addOption(dataOption())
    .option('--as <org>', "search as this organisation (its collections, TLP and RED recipients; the outbound gate when it is of another jurisdiction); default: the node's own view of everything")
    .option('--type <type>', 'only objects of this STIX type')
    .option('--collection <id>', 'only this collection (id or alias)')
    .option('--tlp <level>', 'only this TLP level: clear, green, amber, amber+strict, red')
    .option('--since <timestamp>', 'only versions added at or after this RFC 3339 UTC timestamp')
    .option('--limit <n>', 'at most this many results (1-500)', '50')
    .option('--cursor <cursor>', 'the next page: the cursor printed after the previous one')
    .addOption(jsonOption())
    .action(quiet(async (query, o) =>
      (await import('./commands/search.js')).run({ data: o.data, query, as: o.as, type: o.type, collection: o.collection, tlp: o.tlp, since: o.since, limit: Number(o.limit), cursor: o.cursor, json: Boolean(o.json) }, io),
    ));

  program
    .command('reindex')
    .description('rebuild the search indexes of every stored object version (for versions stored before the indexes existed), with a progress bar')
    .addOption(dataOption())
    .addOption(jsonOption())
    .action(quiet(async (o) => (await import('./commands/reindex.js')).run({ data: o.data, json: Boolean(o.json) }, io)));

  program
    .command('migrate')
    .description('move a node\'s whole state from its SQLite store to PostgreSQL (resumable; verifies counts and the audit chain)')
    .requiredOption('--from <dir>', 'node data directory holding the SQLite store')
    .requiredOption('--to <url>', 'postgres://user@host:port/database, optionally with ?schema=name')
    .option('--batch <rows>', 'rows per transaction', '2000')
    .addOption(jsonOption())
    .action(quiet(async (o) =>
      (await import('./commands/migrate.js')).run({ from: o.from, to: o.to, batchSize: Number(o.batch), json: Boolean(o.json) }, io),
    ));

  const object = program.command('object').description('pivot on one object across the node: its newest version, its history, the objects around it; list a collection; delete an object');
  const asOption = () => new Option('--as <org>', "read as this organisation (its collections, TLP and RED recipients; the outbound gate's form when it is outside the node's jurisdiction); default: the node's own view");
  for (const [verb, describe] of [
    ['show', 'the newest version the reader may see, the collections holding it and its provenance chain'],
    ['history', 'every version the reader may see, per collection'],
  ] as const) {
    object
      .command(verb)
      .description(describe)
      .addOption(dataOption())
      .argument('<id>', 'STIX id')
      .addOption(asOption())
      .option('--collection <id>', 'only this collection')
      .addOption(jsonOption())
      .action(quiet(async (id, o) => (await import('./commands/object.js'))[verb]({ data: o.data, id, as: o.as, collection: o.collection, json: Boolean(o.json) }, io)));
  }
  object
    .command('related')
    .description('the objects around one object as nodes and edges: relationships, sightings, *_ref(s) both ways (not created_by_ref or markings)')
    .addOption(dataOption())
    .argument('<id>', 'STIX id')
    .addOption(new Option('--depth <n>', 'hops: 1 or 2').choices(['1', '2']).default('1'))
    .option('--limit <n>', 'at most this many nodes, the root included (default 200, at most 1000)')
    .addOption(asOption())
    .option('--collection <id>', 'only this collection')
    .addOption(jsonOption())
    .action(quiet(async (id, o) => (await import('./commands/object.js')).related({ data: o.data, id, depth: o.depth, limit: o.limit, as: o.as, collection: o.collection, json: Boolean(o.json) }, io)));
  object
    .command('list')
    .description("the newest version of each object of a collection, oldest added first")
    .addOption(dataOption())
    .requiredOption('--collection <id>', 'the collection')
    .option('--type <type>', 'only this STIX type (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--limit <n>', 'at most this many (default 100, at most 10000)')
    .addOption(asOption())
    .addOption(jsonOption())
    .action(quiet(async (o) => (await import('./commands/object.js')).list({ data: o.data, collection: o.collection, type: o.type, limit: o.limit, as: o.as, json: Boolean(o.json) }, io)));
  object
    .command('delete')
    .description('delete every version of an object (or one: --version) from a collection, or from each holding it; audited as a TAXII delete')
    .addOption(dataOption())
    .argument('<id>', 'STIX id')
    .option('--collection <id>', 'only from this collection (default: every collection holding it)')
    .option('--version <timestamp>', 'only this version (its modified timestamp)')
    .addOption(jsonOption())
    .action(quiet(async (id, o) => (await import('./commands/object.js')).remove({ data: o.data, id, collection: o.collection, version: o.version, json: Boolean(o.json) }, io)));

  const incident = program.command('incident').description('cross-border cases as STIX incidents, with the legal reporting clocks that run on them');
  incident
    .command('new')
    .description('store a new incident in a collection through the ordinary ingest (TLP, audiences and federation apply) and print its reporting clocks')
    .addOption(dataOption())
    .requiredOption('--collection <id>', 'collection id')
    .requiredOption('--title <title>', 'name of the incident')
    .requiredOption('--type <types>', 'comma-separated incident types (CERT-In Annexure I ids, or personal-data-breach)', list)
    .option('--description <text>', 'description of the incident')
    .option('--aware-at <ts>', 'when the victim noticed the incident (RFC 3339 with a zone, e.g. 2027-06-01T10:00:00+05:30); default now')
    .option('--victim-country <cc>', "ISO 3166-1 alpha-2 country of the victim; default the organisation's")
    .option('--sector <sector>', 'the victim\'s sector (see `setu org sectors`)')
    .option('--personal-data', 'personal data is affected')
    .option('--unlawful-act', 'the breach is suspected to come from an act with an unlawful purpose (APPI 60-day final report)')
    .option('--designated-operator', 'the victim is a designated critical-infrastructure operator')
    .option('--as <org>', "organisation reporting the incident (it must have write on the collection); default the node's own")
    .addOption(jsonOption())
    .action(quiet(async (o) =>
      (await import('./commands/incident.js')).create(
        { data: o.data, collection: o.collection, title: o.title, description: o.description, types: o.type, awareAt: o.awareAt, victimCountry: o.victimCountry, sector: o.sector, personalData: Boolean(o.personalData), unlawfulAct: Boolean(o.unlawfulAct), designatedOperator: Boolean(o.designatedOperator), as: o.as, json: Boolean(o.json) },
        io,
      ),
    ));
  for (const verb of ['show', 'clocks'] as const) {
    incident
      .command(verb)
      .description(verb === 'show' ? 'an incident as the node holds it, with its reporting clocks' : 'the reporting clocks of an incident: which reports are due, to whom, by when (IST and JST)')
      .addOption(dataOption())
      .argument('<id>', 'incident id')
      .addOption(jsonOption())
      .action(quiet(async (id, o) => (await import('./commands/incident.js'))[verb]({ data: o.data, id, json: Boolean(o.json) }, io)));
  }
  incident
    .command('report')
    .description('attach a report that was sent (what makes its clock done): stores the next version of the incident')
    .addOption(dataOption())
    .argument('<id>', 'incident id')
    .requiredOption('--rule <rule>', 'the reporting rule the report answers (see `setu incident clocks`)')
    .requiredOption('--evidence <text>', "what was sent: the regulator's acknowledgement, a ticket number, a file hash")
    .option('--sent-at <ts>', 'when it was sent (RFC 3339 with a zone); default now')
    .option('--as <org>', "organisation recording it (it must have write on the collection); default the node's own")
    .addOption(jsonOption())
    .action(quiet(async (id, o) => (await import('./commands/incident.js')).report({ data: o.data, id, rule: o.rule, evidence: o.evidence, sentAt: o.sentAt, as: o.as, json: Boolean(o.json) }, io)));
  incident
    .command('list')
    .description('the incidents the node holds, with their clocks by state')
    .addOption(dataOption())
    .option('--collection <id>', 'only this collection')
    .addOption(jsonOption())
    .action(quiet(async (o) => (await import('./commands/incident.js')).list({ data: o.data, collection: o.collection, json: Boolean(o.json) }, io)));

  const review = program.command('review').description("the outbound gate's review queue: objects held back for a person to approve or reject");
  review
    .command('list')
    .description('list review items (pending by default)')
    .addOption(dataOption())
    .addOption(new Option('--state <state>', 'which items').choices(['pending', 'approved', 'rejected', 'all']).default('pending'))
    .option('--to <org>', 'only items for this destination')
    .option('--limit <n>', 'at most this many (default 100)')
    .addOption(jsonOption())
    .action(quiet(async (o) =>
      (await import('./commands/review.js')).list({ data: o.data, state: o.state, to: o.to, limit: o.limit === undefined ? undefined : Number(o.limit), json: Boolean(o.json) }, io),
    ));
  review
    .command('show')
    .description('show a held object, why it was held, and what approval would release')
    .addOption(dataOption())
    .argument('<id>', 'review item id')
    .addOption(jsonOption())
    .action(quiet(async (id, o) => (await import('./commands/review.js')).show({ data: o.data, id, json: Boolean(o.json) }, io)));
  for (const [verb, describe] of [
    ['approve', 'release a held object to its destination (with its held findings redacted, unless --as-is)'],
    ['reject', 'never send a held object to its destination (while its content is unchanged)'],
  ] as const) {
    const command = review
      .command(verb)
      .description(describe)
      .addOption(dataOption())
      .argument('<id>', 'review item id')
      .option('--note <text>', 'why')
      .option('--by <name>', 'who decides (default: cli:<os user>)')
      .addOption(jsonOption());
    if (verb === 'approve') command.option('--as-is', 'release unchanged instead of redacted');
    command.action(quiet(async (id, o) =>
      (await import('./commands/review.js'))[verb]({ data: o.data, id, asIs: Boolean(o.asIs), note: o.note, by: o.by, json: Boolean(o.json) }, io),
    ));
  }

  const share = program.command('share').description('what this node would send to another organisation or node');
  share
    .command('preview')
    .description("list every version of the collections with what a destination would receive: sent (redacted and pseudonymised when it is outside the node's jurisdiction, as written when inside), held for review or withheld, with each reason; versions the acting organisation may not read are listed without content (writes nothing)")
    .addOption(dataOption())
    .requiredOption('--to <org>', 'receiving organisation (for a peer node: the organisation running it, with --peer)')
    .option('--peer', 'the destination is a peer node of that organisation')
    .option('--collection <id>', 'only this collection (default: all)')
    .option('--as <org>', "organisation passing the objects on (default: the node's own); --to ORG --as ORG shows what ORG reads directly over TAXII")
    .option('--profile <id>', "jurisdiction profile to apply instead of the node's")
    .addOption(jsonOption())
    .action(quiet(async (o) =>
      (await import('./commands/share.js')).preview(
        { data: o.data, to: o.to, peer: Boolean(o.peer), collection: o.collection, as: o.as, profile: o.profile, json: Boolean(o.json) },
        io,
      ),
    ));

  const peer = program.command('peer').description('federation peers: other Setu nodes or any TAXII 2.1 server this node pushes to or pulls from');
  const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
  peer
    .command('add')
    .description('register a peer (its token or password is stored in the data directory and never printed)')
    .addOption(dataOption())
    .requiredOption('--name <name>', 'short name of the peer')
    .requiredOption('--url <url>', 'its TAXII 2.1 discovery URL (or API root URL)')
    .requiredOption('--org <org>', 'the organisation that runs it (registered on this node)')
    .option('--token <token>', 'bearer token this node presents to the peer')
    .option('--basic <user:password>', 'HTTP Basic credentials instead of a token')
    .option('--cert <file>', 'PEM client certificate for mutual TLS')
    .option('--key <file>', 'PEM private key of --cert')
    .option('--ca <file>', "PEM CA bundle to trust the peer's server certificate")
    .option('--public-key <key>', "the peer node's Ed25519 public key (base64url, PEM, or a file): it is a Setu node and signs its pushes")
    .option('--push <local:remote>', 'push a local collection to a remote one (repeatable)', collect)
    .option('--pull <remote:local>', 'pull a remote collection into a local one (repeatable)', collect)
    .addOption(jsonOption())
    .action(quiet(async (o) =>
      (await import('./commands/peer.js')).add(
        { data: o.data, name: o.name, url: o.url, org: o.org, token: o.token, basic: o.basic, cert: o.cert, key: o.key, ca: o.ca, publicKey: o.publicKey, push: o.push, pull: o.pull, json: Boolean(o.json) },
        io,
      ),
    ));
  peer
    .command('list')
    .description('list peers and their subscriptions (credentials shown by kind only)')
    .addOption(dataOption())
    .addOption(jsonOption())
    .action(quiet(async (o) => (await import('./commands/peer.js')).list({ data: o.data, json: Boolean(o.json) }, io)));
  peer
    .command('show')
    .description('one peer: settings, per-subscription status, quarantined objects')
    .addOption(dataOption())
    .argument('<peer>', 'peer name or id')
    .option('--limit <n>', 'quarantined objects to list (default 50)')
    .addOption(jsonOption())
    .action(quiet(async (name, o) => (await import('./commands/peer.js')).show({ data: o.data, peer: name, limit: o.limit === undefined ? undefined : Number(o.limit), json: Boolean(o.json) }, io)));
  peer
    .command('remove')
    .description('remove a peer with its subscriptions, cursors and quarantine')
    .addOption(dataOption())
    .argument('<peer>', 'peer name or id')
    .addOption(jsonOption())
    .action(quiet(async (name, o) => (await import('./commands/peer.js')).remove({ data: o.data, peer: name, json: Boolean(o.json) }, io)));
  peer
    .command('status')
    .description('per peer: lag (objects, seconds), queue depth, last success, last error')
    .addOption(dataOption())
    .argument('[peer]', 'peer name or id (default: all)')
    .addOption(jsonOption())
    .action(quiet(async (name, o) => (await import('./commands/peer.js')).status({ data: o.data, peer: name, json: Boolean(o.json) }, io)));
  peer
    .command('sync')
    .description('run one pass of every subscription (of one peer) now, in this process')
    .addOption(dataOption())
    .argument('[peer]', 'peer name or id (default: all)')
    .addOption(jsonOption())
    .action(quiet(async (name, o) => (await import('./commands/peer.js')).sync({ data: o.data, peer: name, json: Boolean(o.json) }, io)));

  const demo = program.command('demo').description('demonstrations on this machine');
  demo
    .command('federation')
    .description('start an India, a Japan and a company node on 127.0.0.1, federate them, share objects and show what crosses under the TLP rules')
    .option('--base-port <port>', 'India listens here, Japan on the next port, the company on the one after', '7000')
    .option('--dir <dir>', 'where the three data directories go (default: a new temporary directory)')
    .option('--once', 'exit after the demonstration instead of running until Ctrl+C')
    .addOption(jsonOption())
    .action(quiet(async (o) => (await import('./commands/demo.js')).federation({ basePort: Number(o.basePort), dir: o.dir, once: Boolean(o.once), json: Boolean(o.json) }, io)));

  return program;
}

interface ServeFlagInput {
  data: string;
  host: string;
  port: string;
  tlsCert?: string;
  tlsKey?: string;
  tlsClientCa?: string;
  allowPlainHttp?: boolean;
  logLevel: string;
}

function serveFlags(o: ServeFlagInput) {
  const port = Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ExitError(EXIT.usage, `--port must be an integer from 0 to 65535, not ${o.port}`);
  return {
    data: o.data,
    host: o.host,
    port,
    tlsCert: o.tlsCert,
    tlsKey: o.tlsKey,
    tlsClientCa: o.tlsClientCa,
    allowPlainHttp: Boolean(o.allowPlainHttp),
    logLevel: o.logLevel,
  };
}

/** Runs one command line and returns the exit code; never throws. Without `io` it runs on the process's streams. */
export async function main(argv: readonly string[], io?: CliIo): Promise<ExitCode> {
  if (io === undefined) endQuietlyOnClosedPipe();
  const cliIo = io ?? processIo();
  const json = wantsJson(argv);
  // Under --json nothing but the one JSON document is printed: no progress bars either.
  const program = buildProgram(json ? { ...cliIo, interactive: false } : cliIo);
  try {
    await program.parseAsync([...argv]);
    return EXIT.ok;
  } catch (error) {
    return exitCodeFor(error, { io: cliIo, json, command: commandPath(program, argv) });
  }
}

/**
 * `setu export | head`: once the reader has gone, nothing more can be said to it, so the process
 * ends at once with 0 instead of dying on an unhandled EPIPE with a stack trace.
 */
function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(EXIT.ok);
      throw error;
    });
  }
}

function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
}

/** "setu token create": the deepest command the arguments name, for the usage hint. */
function commandPath(program: Command, argv: readonly string[]): string {
  const names = [program.name()];
  let current = program;
  for (const arg of argv.slice(2)) {
    if (arg === '--') break;
    if (arg.startsWith('-')) continue;
    const sub = current.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (sub === undefined) break;
    names.push(sub.name());
    current = sub;
  }
  return names.join(' ');
}

interface Report {
  readonly io: CliIo;
  readonly json: boolean;
  readonly command: string;
}

interface ErrorBody {
  readonly code: string;
  readonly message: string;
  readonly exitCode: ExitCode;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly hint?: string;
}

/**
 * Prints a failure once and returns its exit code. With --json it is one document on standard
 * output, {"error": {...}}, so a script always parses stdout; otherwise a line on standard error.
 */
function exitCodeFor(error: unknown, report: Report): ExitCode {
  const { io, json } = report;
  const say = (body: ErrorBody, human: string): ExitCode => {
    if (json) io.out(`${JSON.stringify({ error: body }, null, 2)}\n`);
    else io.err(human);
    return body.exitCode;
  };
  if (error instanceof CommanderError) {
    // Help and version are successful exits; anything else commander rejects is a usage error.
    if (error.exitCode === 0) return EXIT.ok;
    // `setu` or `setu org` alone: commander has printed the help, which is the answer.
    if (error.code === 'commander.help' || error.code === 'commander.helpDisplayed') return EXIT.usage;
    const message = error.message.replace(/^error: /, '');
    const hint = `see: ${report.command} --help`;
    return say({ code: 'SETU_ERR_CLI_USAGE', message, exitCode: EXIT.usage, hint }, `error: ${message}\n${hint}\n`);
  }
  if (error instanceof ExitError) {
    if (error.reported) return error.exitCode;
    const code = error.exitCode === EXIT.usage ? 'SETU_ERR_CLI_USAGE' : 'SETU_ERR_CLI_FAILED';
    return say({ code, message: error.message, exitCode: error.exitCode }, `setu: ${error.message}\n`);
  }
  if (isSetuError(error)) {
    const body = { code: error.code, message: error.message, exitCode: exitCodeForSetuError(error.code), details: error.details };
    return say(body, `setu: ${error.message} [${error.code}]\n`);
  }
  const stack = (error as Error)?.stack ?? String(error);
  if (json) {
    io.err(`${stack}\n`);
    return say({ code: 'SETU_ERR_CLI_INTERNAL', message: `internal error, this is a bug, please report it: ${(error as Error)?.message ?? String(error)}`, exitCode: EXIT.failure }, '');
  }
  io.err(`setu: internal error, this is a bug, please report it: ${stack}\n`);
  return EXIT.failure;
}
