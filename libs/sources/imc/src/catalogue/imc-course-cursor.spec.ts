import { decodeCourseCursor, encodeCourseCursor } from './imc-course-cursor.js';

describe('course cursor', () => {
  it('round-trips and refuses anything else', () => {
    expect(decodeCourseCursor(encodeCourseCursor('IMC', '517282'))).toEqual({ programId: 'IMC', courseId: '517282' });
    expect(decodeCourseCursor('not-a-cursor')).toBeNull();
    expect(decodeCourseCursor(Buffer.from('[1,2]').toString('base64url'))).toBeNull();
  });
});
