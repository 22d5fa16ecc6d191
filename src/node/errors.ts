// Codes for failures to open or set up a node's data directory.
export const NODE_ERRORS = {
  SETU_ERR_NODE_NOT_INITIALISED: {
    code: 'SETU_ERR_NODE_NOT_INITIALISED',
    description: 'The data directory holds no node; run `setu init --data DIR` first.',
  },
  SETU_ERR_NODE_ALREADY_INITIALISED: {
    code: 'SETU_ERR_NODE_ALREADY_INITIALISED',
    description: '`setu init` was pointed at a data directory that already holds a node.',
  },
  SETU_ERR_NODE_CONFIG_INVALID: {
    code: 'SETU_ERR_NODE_CONFIG_INVALID',
    description: 'The node configuration file is not valid JSON or has a value of the wrong kind.',
  },
  SETU_ERR_NODE_BAD_ARGUMENT: {
    code: 'SETU_ERR_NODE_BAD_ARGUMENT',
    description: 'An administrative request named a value that is malformed (an id, a country code, a role).',
  },
  SETU_ERR_NODE_UNKNOWN_ORG: {
    code: 'SETU_ERR_NODE_UNKNOWN_ORG',
    description: 'An administrative request named an organisation that does not exist.',
  },
  SETU_ERR_NODE_UNKNOWN_COLLECTION: {
    code: 'SETU_ERR_NODE_UNKNOWN_COLLECTION',
    description: 'An administrative request named a collection that does not exist.',
  },
  SETU_ERR_NODE_DUPLICATE: {
    code: 'SETU_ERR_NODE_DUPLICATE',
    description: 'An organisation or collection with that id already exists.',
  },
} as const;
