// Public face of node/: a node's data directory, configuration, initialisation, administration
// (organisations, collections, tokens) and the demo data set.
export { NODE_ERRORS, type NodeErrorCode } from './errors.js';
export { DEFAULT_NODE_CONFIG, TAXII_BASE_PATH, apiRootPath, nodeOrganisationId, readNodeConfig, writeNodeConfig, type NodeConfig } from './config.js';
export { nodeExists, nodePaths, openNode, withNode, type NodePaths, type OpenNode } from './data-dir.js';
export { initialiseNode, type InitInput, type InitResult } from './init.js';
export {
  STIX_MEDIA_TYPE,
  checkOrgId,
  checkOrgKind,
  createCollection,
  createOrganisation,
  normaliseCountry,
  requireCollection,
  requireCommunity,
  requireOrganisation,
  slugify,
  updateOrganisation,
  type NewCollection,
  type NewOrganisation,
  type OrganisationUpdate,
} from './admin.js';
export { addCommunityMember, createCommunity, type NewCommunity } from './communities.js';
export { issueToken, revokeToken, type IssueTokenInput } from './tokens.js';
export { NODE_KEY_FILE, NODE_PUBLIC_KEY_FILE, ensureNodeKey, loadNodeKey, nodeKeyPaths, type NodeKey } from './keys.js';
export { DEMO_BUNDLE_DIR, DEMO_ORGS, loadDemo, type DemoLoad } from './demo.js';
export { PSEUDONYM_KEY_FILE, ensurePseudonymKey } from './secrets.js';
export { JURISDICTIONS_FILE, jurisdictionProfile, readJurisdictions } from './jurisdiction.js';
export {
  ANONYMOUS_READER,
  loadGateConfig,
  prepareShare,
  previewFor,
  previewShare,
  recipientGateOptions,
  shareObjects,
  type GateConfig,
  type PreparedShare,
  type PreviewContent,
  type ShareItem,
  type ShareMode,
  type SharePreview,
  type ShareSetup,
  type ShareTarget,
} from './outbound.js';
export { foreignReads, type ForeignReadSetup, type ForeignReads, type ForeignView } from './read-gate.js';
export { SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT, searchFor, type SearchAnswer, type SearchRequest, type SearchResult, type SearchSetup, type Searcher } from './search-reads.js';
