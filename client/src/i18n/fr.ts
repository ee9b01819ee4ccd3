/** French dictionary: the reference. Every visible string of the UI comes from here. */
export const fr = {
  'app.name': 'Éprouvette',
  'app.tagline': 'Un tableau blanc collaboratif en temps réel pour mener ensemble les expérimentations « tube à essai » de la Région Hauts-de-France.',
  'app.skipToContent': 'Aller au contenu',
  'app.homeLink': 'Éprouvette, accueil',
  'app.footer': 'Éprouvette — expérimentations AMI « tube à essai », Région Hauts-de-France',

  'lang.label': 'Langue',
  'lang.fr': 'FR',
  'lang.en': 'EN',
  'lang.fr.long': 'Français',
  'lang.en.long': 'Anglais',

  'home.title': 'Accueil',
  'home.open.title': 'Ouvrir un document',
  'home.open.help': 'Toutes les personnes qui ouvrent le même nom travaillent sur le même document. Jusqu’à 128 caractères : lettres sans accents, chiffres, point, tiret, tiret bas ou deux-points, en commençant par une lettre ou un chiffre.',
  'home.open.label': 'Nom du document',
  'home.open.placeholder': 'par exemple atelier-lille',
  'home.open.submit': 'Ouvrir',
  'home.open.error.empty': 'Indiquez le nom du document à ouvrir.',
  'home.open.error.invalid': 'Ce nom n’est pas valide. Utilisez uniquement des lettres sans accents, des chiffres, le point, le tiret, le tiret bas ou les deux-points (128 caractères au plus), et commencez par une lettre ou un chiffre.',
  'home.open.error.prefix': 'Erreur :',

  'document.titleSuffix': 'Éprouvette',
  'document.back': 'Retour à l’accueil',
  'document.invalid.title': 'Nom de document invalide',
  'document.invalid.body': 'L’adresse ne désigne pas un document valide. Vérifiez le lien ou ouvrez un document depuis l’accueil.',

  'connection.label': 'État de la connexion',
  'connection.connecté': 'connecté',
  'connection.reconnexion': 'reconnexion',
  'connection.hors ligne': 'hors ligne',
  'connection.detail.offline': 'Votre appareil n’est plus connecté à Internet. Vos modifications seront envoyées dès le retour du réseau.',
  'connection.detail.connecting': 'Connexion au serveur en cours… Vos modifications seront envoyées dès qu’elle sera rétablie.',
  'connection.detail.goingAway': 'Le serveur redémarre ; reconnexion automatique en cours.',
  'connection.detail.internalError': 'Le serveur a rencontré un problème ; nouvelle tentative en cours.',
  'connection.detail.tooBig': 'Une modification était trop volumineuse pour être enregistrée.',
  'connection.detail.tryAgainLater': 'Le serveur est surchargé ; nouvelle tentative en cours.',
  'connection.detail.badMessage': 'Le serveur a refusé un message mal formé ; nouvelle tentative en cours.',
  'connection.detail.rateLimited': 'Trop de modifications envoyées trop vite ; nouvelle tentative dans un instant.',
  'connection.refused.unauthenticated': 'Votre session n’est pas valide. Reconnectez-vous puis rechargez la page.',
  'connection.refused.forbidden': 'Vous n’avez pas accès à ce document.',
  'connection.refused.notFound': 'Ce document n’existe pas ou son nom n’est pas accepté par le serveur.',
  'connection.refused.other': 'Le serveur a refusé la connexion à ce document.',
  'connection.retry': 'Réessayer',

  'presence.title': 'Présents',
  'presence.count.one': '1 personne sur ce document',
  'presence.count.other': '{count} personnes sur ce document',
  'presence.you': '(vous)',
  'presence.participant': 'Participant {number}',

  'editor.label': 'Texte partagé',
  'editor.help': 'Tout ce que vous écrivez est partagé en direct avec les autres participants. Ctrl+Z annule vos propres modifications, Ctrl+Maj+Z les rétablit.',
  'editor.loading': 'Chargement du document…',
  'editor.unavailable': 'Ce document n’est pas disponible.',
  'editor.placeholder': 'Écrivez ici…',

  'notFound.title': 'Page introuvable',
  'notFound.body': 'Cette adresse ne correspond à aucune page d’Éprouvette.',

  'error.title': 'Une erreur est survenue',
  'error.body': 'L’application a rencontré un problème inattendu. Rechargez la page ; vos modifications déjà envoyées sont conservées.',
  'error.reload': 'Recharger la page',
} as const;

export type MessageKey = keyof typeof fr;
