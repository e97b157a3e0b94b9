/** The opaque `after` cursor of the course list: the (program, course) of the last row returned. */
export function encodeCourseCursor(programId: string, courseId: string): string {
  return Buffer.from(JSON.stringify([programId, courseId]), 'utf8').toString('base64url');
}

/** Null for anything this hub did not issue. */
export function decodeCourseCursor(value: string): { programId: string; courseId: string } | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((part) => typeof part === 'string')) {
      return { programId: parsed[0] as string, courseId: parsed[1] as string };
    }
  } catch {
    // not a cursor
  }
  return null;
}
