// Codes for the console's static serving (src/web): the browser console is a build product of web/.
export const WEB_ERRORS = {
  SETU_ERR_WEB_NOT_BUILT: 'the web console has not been built (web/dist is missing): run npm run build, which npm start does',
} as const;

export type WebErrorCode = keyof typeof WEB_ERRORS;
