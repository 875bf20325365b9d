import { LearningRecordsError } from '../learning-records-error';
import { checkStatement, VOIDED_VERB } from './statement-rules';

const valid = () => ({
  actor: { mbox: 'mailto:an@example.vn', name: 'An' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'vi-VN': 'hoàn thành' } },
  object: { id: 'https://lifelong.example/courses/1', definition: { name: { en: 'Course' } } },
});

/** The property a refusal names, or 'accepted'. */
function verdict(statement: unknown): string {
  try {
    checkStatement(statement);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof LearningRecordsError)) throw error;
    expect(error.code).toBe('INVALID_STATEMENT');
    return String(error.details?.path);
  }
}

describe('the xAPI statement rules', () => {
  it('accepts a plain statement, a group actor, a StatementRef and a SubStatement', () => {
    expect(verdict(valid())).toBe('accepted');
    expect(
      verdict({
        ...valid(),
        actor: {
          objectType: 'Group',
          member: [{ account: { homePage: 'https://x.vn', name: 'a' } }],
        },
      }),
    ).toBe('accepted');
    expect(
      verdict({
        ...valid(),
        verb: { id: VOIDED_VERB },
        object: { objectType: 'StatementRef', id: '6690e6c9-3ef0-4ed3-8b37-7f3964730bee' },
      }),
    ).toBe('accepted');
    expect(verdict({ ...valid(), object: { objectType: 'SubStatement', ...valid() } })).toBe(
      'accepted',
    );
  });

  it('refuses what xAPI forbids, naming the property', () => {
    expect(verdict({ ...valid(), extra: 1 })).toBe('statement.extra');
    // null is refused everywhere but inside extensions.
    expect(verdict({ ...valid(), result: null })).toBe('statement.result');
    expect(verdict({ ...valid(), actor: { mbox: 'mailto:a@b.vn', name: null } })).toBe(
      'statement.actor.name',
    );
    expect(verdict({ ...valid(), object: { objectType: null, id: 'https://x.vn/a' } })).toBe(
      'statement.object.objectType',
    );
    expect(verdict({ ...valid(), result: { extensions: { 'https://x.vn/e': null } } })).toBe(
      'accepted',
    );
    expect(verdict({ ...valid(), id: 'not-a-uuid' })).toBe('statement.id');
    expect(verdict({ ...valid(), verb: { id: 'completed' } })).toBe('statement.verb.id');
    expect(verdict({ ...valid(), object: { id: 'http://x y' } })).toBe('statement.object.id');
    expect(
      verdict({ ...valid(), actor: { mbox: 'mailto:a@b.vn', openid: 'https://id.vn/a' } }),
    ).toBe('statement.actor');
    expect(verdict({ ...valid(), actor: { name: 'Nobody' } })).toBe('statement.actor');
    expect(verdict({ ...valid(), actor: { mbox: 'a@b.vn' } })).toBe('statement.actor.mbox');
    expect(verdict({ ...valid(), result: { score: { scaled: 1.5 } } })).toBe(
      'statement.result.score.scaled',
    );
    expect(verdict({ ...valid(), result: { score: { raw: 11, min: 0, max: 10 } } })).toBe(
      'statement.result.score.raw',
    );
    expect(verdict({ ...valid(), result: { duration: '90 minutes' } })).toBe(
      'statement.result.duration',
    );
    expect(verdict({ ...valid(), timestamp: '2026-12-07 10:00' })).toBe('statement.timestamp');
    expect(verdict({ ...valid(), timestamp: '2026-12-07T10:00:00-00:00' })).toBe(
      'statement.timestamp',
    );
    expect(verdict({ ...valid(), verb: { id: VOIDED_VERB } })).toBe('statement.object');
    expect(
      verdict({
        ...valid(),
        object: { objectType: 'SubStatement', ...valid(), object: { objectType: 'SubStatement' } },
      }),
    ).toBe('statement.object.object.objectType');
    expect(
      verdict({
        ...valid(),
        object: { objectType: 'Agent', mbox: 'mailto:b@example.vn' },
        context: { platform: 'web' },
      }),
    ).toBe('statement.context.platform');
    expect(verdict({ ...valid(), object: { objectType: 'Person', id: 'x:y' } })).toBe(
      'statement.object.objectType',
    );
  });

  // Found by ADL's conformance suite (docs/xapi.md).
  it('refuses -0000 offsets, weeks mixed with other units and patterns without a type', () => {
    expect(verdict({ ...valid(), timestamp: '2026-12-07T10:00:00-0000' })).toBe(
      'statement.timestamp',
    );
    expect(verdict({ ...valid(), timestamp: '2026-12-07T10:00:00+0000' })).toBe('accepted');
    expect(verdict({ ...valid(), result: { duration: 'P4W1D' } })).toBe(
      'statement.result.duration',
    );
    expect(verdict({ ...valid(), result: { duration: 'P4W' } })).toBe('accepted');
    expect(verdict({ ...valid(), result: { duration: 'P1DT2.5S' } })).toBe('accepted');
    const pattern = { correctResponsesPattern: ['true'] };
    expect(verdict({ ...valid(), object: { id: 'https://x.vn/q', definition: pattern } })).toBe(
      'statement.object.definition.correctResponsesPattern',
    );
    expect(
      verdict({
        ...valid(),
        object: { id: 'https://x.vn/q', definition: { ...pattern, interactionType: 'true-false' } },
      }),
    ).toBe('accepted');
  });

  it('takes an Agent or an anonymous Group of two Agents as authority', () => {
    const member = (name: string) => ({ account: { homePage: 'https://x.vn', name } });
    const group = (extra: object) => ({ ...valid(), authority: { objectType: 'Group', ...extra } });
    expect(verdict({ ...valid(), authority: { mbox: 'mailto:lrs@x.vn' } })).toBe('accepted');
    expect(verdict(group({ member: [member('app'), member('user')] }))).toBe('accepted');
    expect(verdict(group({ member: [member('app')] }))).toBe('statement.authority.member');
    expect(verdict(group({ member: [member('a'), member('b'), member('c')] }))).toBe(
      'statement.authority.member',
    );
    expect(verdict(group({ mbox: 'mailto:g@x.vn', member: [member('a'), member('b')] }))).toBe(
      'statement.authority',
    );
  });
});
