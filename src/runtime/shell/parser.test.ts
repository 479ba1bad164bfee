import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, SyntaxError } from './parser';
import { sh } from './test-helpers';

const SHELLISH = fc.array(
  fc.constantFrom('echo', ' ', ';', '&&', '||', '|', '&', '(', ')', '{', '}', 'if', 'then', 'fi', 'do', 'done', 'while', 'case', 'in', 'esac', ';;', '"', "'", '$', '$(', '${', '`', '\\', '\n', '>', '<<', 'EOF', 'x=1', '#', '*', '2>&1', 'sleep 1', "trap 'echo t' TERM EXIT", 'kill $$', 'kill -9 $!', 'wait', 'exit 2', 'sh -c', 'exec'),
  { maxLength: 30 },
);

describe('parse', () => {
  it('either parses or throws a SyntaxError, for any token soup', () => {
    fc.assert(
      fc.property(SHELLISH, (parts) => {
        try {
          parse(parts.join(''));
        } catch (e) {
          expect(e).toBeInstanceOf(SyntaxError);
        }
      }),
      { numRuns: 2000, seed: 42 },
    );
  });

  it.each([
    ['a && b || c', 'or'],
    ['! a | b', 'not'],
    ['f() { echo; }', 'func'],
    ['( a ) > /dev/null', 'redirected'],
    ['for i in 1 2; do echo $i; done', 'for'],
  ])('%s is a %s node', (src, kind) => {
    const node = parse(src);
    expect(node.t === 'list' ? node.items[0].node.t : node.t).toBe(kind);
  });
});

describe('sh on token soup', () => {
  it('never fails internally and exits at most once', () => {
    fc.assert(
      fc.property(SHELLISH, (parts) => {
        const h = sh(parts.join(''), 3_000);
        expect(h.stderr()).not.toContain('internal error');
        expect(h.exits.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
});
