import { z } from 'zod';

/**
 * zod's own messages (a missing field, a wrong type…) in French, for server answers and client
 * forms alike; the schemas' hand-written messages take precedence where they exist.
 */
z.config(z.locales.fr());
