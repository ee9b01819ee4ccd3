import type { MessageKey } from './fr.ts';

/** English dictionary: must define every key of the French one. */
export const en: Record<MessageKey, string> = {
  'app.name': 'Éprouvette',
  'app.tagline': 'A real-time collaborative whiteboard to run the Hauts-de-France Region’s “tube à essai” experiments together.',
  'app.skipToContent': 'Skip to content',
  'app.homeLink': 'Éprouvette, home',
  'app.footer': 'Éprouvette — AMI “tube à essai” experiments, Hauts-de-France Region',

  'lang.label': 'Language',
  'lang.fr': 'FR',
  'lang.en': 'EN',
  'lang.fr.long': 'French',
  'lang.en.long': 'English',

  'home.title': 'Home',
  'home.open.title': 'Open a document',
  'home.open.help': 'Everyone who opens the same name works on the same document. Up to 128 characters: unaccented letters, digits, dot, hyphen, underscore or colon, starting with a letter or a digit.',
  'home.open.label': 'Document name',
  'home.open.placeholder': 'for example lille-workshop',
  'home.open.submit': 'Open',
  'home.open.error.empty': 'Enter the name of the document to open.',
  'home.open.error.invalid': 'This name is not valid. Use only unaccented letters, digits, dots, hyphens, underscores or colons (at most 128 characters), and start with a letter or a digit.',
  'home.open.error.prefix': 'Error:',

  'document.titleSuffix': 'Éprouvette',
  'document.back': 'Back to home',
  'document.invalid.title': 'Invalid document name',
  'document.invalid.body': 'This address does not point to a valid document. Check the link or open a document from the home page.',

  'connection.label': 'Connection status',
  'connection.connecté': 'connected',
  'connection.reconnexion': 'reconnecting',
  'connection.hors ligne': 'offline',
  'connection.detail.offline': 'Your device is no longer connected to the Internet. Your changes will be sent as soon as the network is back.',
  'connection.detail.connecting': 'Connecting to the server… Your changes will be sent as soon as the connection is back.',
  'connection.detail.goingAway': 'The server is restarting; reconnecting automatically.',
  'connection.detail.internalError': 'The server ran into a problem; trying again.',
  'connection.detail.tooBig': 'A change was too large to be saved.',
  'connection.detail.tryAgainLater': 'The server is overloaded; trying again.',
  'connection.detail.badMessage': 'The server rejected a malformed message; trying again.',
  'connection.detail.rateLimited': 'Too many changes sent too quickly; trying again in a moment.',
  'connection.refused.unauthenticated': 'Your session is not valid. Sign in again, then reload the page.',
  'connection.refused.forbidden': 'You do not have access to this document.',
  'connection.refused.notFound': 'This document does not exist or the server does not accept its name.',
  'connection.refused.other': 'The server refused the connection to this document.',
  'connection.retry': 'Try again',

  'presence.title': 'Here now',
  'presence.count.one': '1 person on this document',
  'presence.count.other': '{count} people on this document',
  'presence.you': '(you)',
  'presence.participant': 'Participant {number}',

  'editor.label': 'Shared text',
  'editor.help': 'Everything you write is shared live with the other participants. Ctrl+Z undoes your own changes, Ctrl+Shift+Z redoes them.',
  'editor.loading': 'Loading the document…',
  'editor.unavailable': 'This document is not available.',
  'editor.placeholder': 'Write here…',

  'notFound.title': 'Page not found',
  'notFound.body': 'This address does not match any Éprouvette page.',

  'error.title': 'Something went wrong',
  'error.body': 'The application ran into an unexpected problem. Reload the page; changes already sent are kept.',
  'error.reload': 'Reload the page',
};
