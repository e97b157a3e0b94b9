import { canonicalLoId, canonicalLoType, idText, loIdFromInstanceId, loTypeFromId } from './alm-ids.js';

describe('ALM ids', () => {
  it('spells learning paths the way the public API does', () => {
    expect(canonicalLoType('learning_program')).toBe('learningProgram');
    expect(canonicalLoType('course')).toBe('course');
    expect(canonicalLoId('learning_program:123157_109139')).toBe('learningProgram:123157_109139');
    expect(canonicalLoId('learningProgram:123157')).toBe('learningProgram:123157');
    expect(canonicalLoId('course:1')).toBe('course:1');
    expect(canonicalLoId('plain')).toBe('plain');
  });

  it('derives the learning object and its type from an instance id', () => {
    expect(loIdFromInstanceId('course:12345678_14448475')).toBe('course:12345678');
    expect(loIdFromInstanceId('learningProgram:1234567_109139')).toBe('learningProgram:1234567');
    expect(loIdFromInstanceId('course:12345678')).toBeNull();
    expect(loIdFromInstanceId('nonsense')).toBeNull();
    expect(loTypeFromId('learning_program:1_2')).toBe('learningProgram');
    expect(loTypeFromId('42')).toBeNull();
  });

  it('reads ids from strings and exact integers only', () => {
    expect(idText(12345678)).toEqual({ ok: true, text: '12345678' });
    expect(idText(' abc ')).toEqual({ ok: true, text: 'abc' });
    expect(idText('')).toBeNull();
    expect(idText(undefined)).toBeNull();
    expect(idText(null)).toBeNull();
    expect(idText(2 ** 53 + 2)).toMatchObject({ ok: false });
    expect(idText(1.5)).toMatchObject({ ok: false });
    expect(idText({})).toMatchObject({ ok: false });
    expect(idText(true)).toMatchObject({ ok: false });
  });
});
