import { contentHash, keyHash, LINK_KINDS, statementLinks } from './statement-keys';
import { decodeCursor, encodeCursor, parseStatementQuery } from './statement-query';

const an = { mbox: 'mailto:an@example.vn' };
const teacher = { account: { homePage: 'https://lifelong.example', name: 'gv-1' } };
const identifier = (text: string) => keyHash(text).toString('hex');

describe('statement keys', () => {
  it('links the actor and object agents directly, every named agent and activity broadly', () => {
    const links = statementLinks({
      actor: an,
      verb: { id: 'https://x.vn/v' },
      object: { id: 'https://x.vn/lesson' },
      context: {
        instructor: teacher,
        contextActivities: { parent: { id: 'https://x.vn/course' } },
      },
    }).map((link) => `${link.kind}:${link.hash.toString('hex')}`);
    expect(links.sort()).toEqual(
      [
        `${LINK_KINDS.agent}:${identifier('mbox|mailto:an@example.vn')}`,
        `${LINK_KINDS.relatedAgent}:${identifier('mbox|mailto:an@example.vn')}`,
        `${LINK_KINDS.relatedAgent}:${identifier('account|https://lifelong.example|gv-1')}`,
        `${LINK_KINDS.relatedActivity}:${identifier('https://x.vn/lesson')}`,
        `${LINK_KINDS.relatedActivity}:${identifier('https://x.vn/course')}`,
      ].sort(),
    );
  });

  it('hashes content whatever the key order, without what the store sets', () => {
    const sent = { actor: an, verb: { id: 'https://x.vn/v' }, object: { id: 'https://x.vn/a' } };
    const reordered = { object: sent.object, verb: sent.verb, actor: an, stored: 'x' };
    expect(contentHash(reordered).equals(contentHash(sent))).toBe(true);
    expect(contentHash({ ...sent, result: { success: true } }).equals(contentHash(sent))).toBe(
      false,
    );
  });
});

describe('statement queries', () => {
  it('caps the limit and reads flags strictly', () => {
    expect(parseStatementQuery({ limit: '0' }).limit).toBe(500);
    expect(parseStatementQuery({ limit: '7' }).limit).toBe(7);
    expect(() => parseStatementQuery({ ascending: 'yes' })).toThrow('ascending');
    expect(() => parseStatementQuery({ related_agents: '1' })).toThrow('related_agents');
  });

  it('gives a cursor back to its own client only', () => {
    const token = encodeCursor({
      params: { verb: 'https://x.vn/v' },
      clientId: 'a',
      afterSeq: '9',
    });
    expect(decodeCursor(token, 'a')).toEqual({
      params: { verb: 'https://x.vn/v' },
      clientId: 'a',
      afterSeq: '9',
    });
    expect(() => decodeCursor(token, 'b')).toThrow('another client');
    expect(() => decodeCursor('not base64 json', 'a')).toThrow('more');
  });
});
