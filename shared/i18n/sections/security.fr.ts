/** Textes français du durcissement de sécurité (issue 13), fusionnés dans shared/i18n/fr.ts. */
export const securityFr = {
  errors: {
    tooManyAttemptsOnAccount:
      'Trop de tentatives de connexion à ce compte depuis des appareils inconnus. Réessayez dans {{minutes}} minute(s), connectez-vous depuis un appareil que vous avez déjà utilisé, ou réinitialisez votre mot de passe : le lien reçu par e-mail fait reconnaître cet appareil.',
    registrationInvalid:
      'Ce lien d’activation est invalide, déjà utilisé ou expiré. Créez votre compte de nouveau, ou connectez-vous si c’est déjà fait.',
  },
  validation: {
    singleLine: 'Ce champ tient sur une seule ligne : retirez les retours à la ligne.',
  },
  auth: {
    registrationSent:
      'Presque terminé : nous avons envoyé un e-mail à {{email}}. Suivez le lien qu’il contient (valable 24 heures) pour activer votre compte. Rien reçu ? Vérifiez le dossier des indésirables.',
    confirmTitle: 'Activer votre compte',
    confirmLead: 'Un dernier clic : activez votre compte Y-tech pour accéder à votre espace.',
    confirmSubmit: 'Activer mon compte',
  },
  mail: {
    confirmSubject: 'Activez votre compte Y-tech',
    confirmBody: 'Vous venez de créer un compte Y-tech avec cette adresse. Suivez ce lien, valable 24 heures, pour l’activer :',
    confirmCta: 'Activer mon compte',
    confirmIgnore: 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : aucun compte ne sera créé.',
    accountExistsSubject: 'Vous avez déjà un compte Y-tech',
    accountExistsBody:
      'Quelqu’un (vous, peut-être) a voulu créer un compte Y-tech avec cette adresse, qui en a déjà un. Aucun nouveau compte n’a été créé.',
    accountExistsCta: 'Me connecter',
    accountExistsReset:
      'Mot de passe oublié ? <a href="{{url}}">Choisissez-en un nouveau</a>. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message.',
  },
};
