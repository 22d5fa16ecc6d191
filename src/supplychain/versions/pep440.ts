// Python package versions ordered by PEP 440 (epoch, release, pre, post, dev, local) with
// @renovatebot/pep440, which follows the packaging library's Version.
import { clean, compare } from '@renovatebot/pep440';
import { bad, defineScheme, ok, sign } from './scheme.js';

export const pep440Scheme = defineScheme<string>({
  rule: 'PEP 440 version ordering (@renovatebot/pep440)',
  parse(text) {
    const version = text.trim();
    const normalised = clean(version);
    if (normalised === null) return bad('PEP 440 version [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]');
    return ok(version, normalised);
  },
  compare: (a, b) => sign(compare(a, b)),
});
