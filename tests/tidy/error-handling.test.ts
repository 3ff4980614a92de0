import { describe, expect, it } from 'vitest';
import { errorHandlingFindings } from './error-handling.js';

const problems = (code: string): string[] => errorHandlingFindings('x.ts', code).map((finding) => finding.problem);

describe('errorHandlingFindings (the house-style check of error handling)', () => {
  it('accepts a catch block that rethrows assertion failures first', () => {
    expect(problems('try { f(); } catch (error) { rethrowIfAssertion(error); log(error); }')).toEqual([]);
  });

  it('refuses a catch block that handles before rethrowing, and one without a binding', () => {
    expect(problems('try { f(); } catch (error) { log(error); }')).toEqual(['catch block must start with rethrowIfAssertion(error)']);
    expect(problems('try { f(); } catch { g(); }')).toEqual(['catch without a binding cannot rethrow an assertion failure']);
  });

  it('refuses rejection handlers that swallow, and accepts warnDropped and rethrowing ones', () => {
    expect(problems('p.catch(() => undefined);')).toEqual(['.catch handler ignores the error it gets (use warnDropped, or ignoreError with a comment)']);
    expect(problems('p.catch((e) => log(e));')).toEqual(['.catch handler must start with rethrowIfAssertion(e) (or be warnDropped)']);
    expect(problems('p.then(ok, () => false);')).toEqual(['.then handler ignores the error it gets (use warnDropped, or ignoreError with a comment)']);
    expect(problems("p.catch(warnDropped(log, 'cleanup failed'));")).toEqual([]);
    expect(problems('p.then(ok, (e) => { rethrowIfAssertion(e); return false; });')).toEqual([]);
    expect(problems('p.then(resolve, reject);')).toEqual([]);
  });

  it('asks a silent drop for a comment saying why', () => {
    expect(problems('p.catch(ignoreError);')).toEqual(['.catch(ignoreError) drops errors without a comment saying why']);
    expect(problems('// the caller heard it already\np.catch(ignoreError);')).toEqual([]);
  });
});
