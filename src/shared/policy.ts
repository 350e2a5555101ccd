/** Plain constants shared by server and console, kept free of zod so the console can import them cheaply. */
export const PASSWORD_MIN_LENGTH = 10;
