// Codes for failures to open or administer a node's data directory.
export const NODE_ERRORS = {
  SETU_ERR_NODE_NOT_INITIALISED: 'the data directory holds no node; run `setu init --data DIR` first',
  SETU_ERR_NODE_ALREADY_INITIALISED: '`setu init` was pointed at a data directory that already holds a node',
  SETU_ERR_NODE_CONFIG_INVALID: 'the node configuration file is not valid JSON or has a value of the wrong kind',
  SETU_ERR_NODE_BAD_ARGUMENT: 'an administrative request named a malformed value (an id, a country code, a role)',
  SETU_ERR_NODE_UNKNOWN_ORG: 'an administrative request named an organisation that does not exist',
  SETU_ERR_NODE_UNKNOWN_COLLECTION: 'an administrative request named a collection that does not exist',
  SETU_ERR_NODE_DUPLICATE: 'an organisation, collection or community with that id already exists',
  SETU_ERR_NODE_UNKNOWN_COMMUNITY: 'an administrative request named a community that does not exist',
  SETU_ERR_NODE_ORG_CANNOT_WRITE: 'a write on behalf of an organisation (`setu import --as`) named a collection that organisation may not write',
} as const;

export type NodeErrorCode = keyof typeof NODE_ERRORS;
