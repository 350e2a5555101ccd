/** Where the API lives, for the modules that talk to it before the API client loads. */
export const API_BASE = '/api/v1';
