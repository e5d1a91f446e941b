/** Error with the file and line, so a lecturer sees where the Markdown went wrong. */
export class LectureError extends Error {}
