import { adminFr } from './sections/admin.fr';
import { billingFr } from './sections/billing.fr';
import { glpiFr } from './sections/glpi.fr';
import { syncFr } from './sections/sync.fr';
import { replicasFr } from './sections/replicas.fr';
import { glpiAccountFr } from './sections/glpi-account.fr';
import { companyUsersFr } from './sections/company-users.fr';
import { salesFr } from './sections/sales.fr';
import { portalFr } from './sections/portal.fr';
import { backofficeFr } from './sections/backoffice.fr';
import { securityFr } from './sections/security.fr';
import { siteFr } from './sections/site.fr';
import { ticketsMoreFr } from './sections/tickets-more.fr';
import { ticketFilesFr } from './sections/ticket-files.fr';
import { satisfactionFr } from './sections/satisfaction.fr';
import { subscriptionChangesFr } from './sections/subscription-changes.fr';
import { reportsFr } from './sections/reports.fr';

/** French texts: the reference language. en.ts and ar.ts must have the same keys (checked by their types). */
const core = {
  brand: 'Y-tech',
  tagline: 'Services informatiques managés pour les entreprises algériennes',
  nav: {
    home: 'Accueil',
    services: 'Services et tarifs',
    faq: 'FAQ',
    contact: 'Contact',
    login: 'Se connecter',
    register: 'Créer un compte',
    logout: 'Se déconnecter',
    account: 'Mon profil',
    portal: 'Mon espace',
    backoffice: 'Back-office',
    mainMenu: 'Menu principal',
    language: 'Langue',
    switchTo: 'English',
    skipToContent: 'Aller au contenu',
  },
  home: {
    title: 'Votre informatique entre de bonnes mains',
    lead: "Support, gestion de parc et pack complet : Y-tech prend en charge l'informatique de votre entreprise, avec un suivi transparent de chaque ticket et de chaque équipement.",
    cta: 'Demander un devis',
    ctaServices: 'Voir les services',
    point1Title: 'Support réactif',
    point1: 'Vos demandes traitées par nos techniciens, suivies en temps réel depuis votre espace.',
    point2Title: 'Parc maîtrisé',
    point2: 'Ordinateurs, imprimantes, licences : un inventaire à jour et des alertes de garantie.',
    point3Title: 'Prix clairs',
    point3: 'Des paliers mensuels en dinars, sans surprise, payables par bon de commande, virement, chèque ou espèces.',
  },
  services: {
    title: 'Services et tarifs',
    perMonth: '{{price}} / mois',
    range: 'De {{min}} à {{max}}',
    included: 'Inclus',
    tiers: 'Paliers mensuels',
    tierColumn: 'Palier',
    priceColumn: 'Prix mensuel HT',
    pricedBy_tickets_per_month: 'Tarif selon le nombre de tickets par mois',
    pricedBy_pcs: 'Tarif selon le nombre de postes',
    pricedBy_max: 'Tarif selon le plus grand des deux : postes ou tickets par mois',
    aboveTop: 'Au-delà du dernier palier, le prix est fixé avec votre commercial.',
    paymentMethods: 'Moyens de paiement',
  },
  auth: {
    loginTitle: 'Connexion',
    registerTitle: 'Créer un compte',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    passwordHint: 'Au moins 10 caractères.',
    firstName: 'Prénom',
    lastName: 'Nom',
    phone: 'Téléphone',
    phoneHint: 'Format 0XXXXXXXXX ou +213XXXXXXXXX.',
    submitLogin: 'Se connecter',
    submitRegister: 'Créer mon compte',
    noAccount: 'Pas encore de compte ? Créez-en un.',
    haveAccount: 'Déjà un compte ? Connectez-vous.',
    forgot: 'Mot de passe oublié ?',
    forgotTitle: 'Mot de passe oublié',
    forgotLead: 'Indiquez votre adresse e-mail : nous vous envoyons un lien valable une heure.',
    forgotSubmit: 'Envoyer le lien',
    forgotSent: "Si un compte existe pour cette adresse, un e-mail vient d'être envoyé. Le lien est valable une heure.",
    resetTitle: 'Nouveau mot de passe',
    resetSubmit: 'Enregistrer le mot de passe',
    resetDone: 'Votre mot de passe a été changé. Vous pouvez vous connecter.',
    loggedOut: 'Vous êtes déconnecté.',
  },
  account: {
    title: 'Mon profil',
    identity: 'Vos informations',
    company: 'Votre entreprise',
    save: 'Enregistrer',
    saved: 'Modifications enregistrées.',
    changePassword: 'Changer le mot de passe',
    currentPassword: 'Mot de passe actuel',
    newPassword: 'Nouveau mot de passe',
    passwordChanged: 'Mot de passe changé. Vos autres sessions ont été fermées.',
    companyName: 'Raison sociale',
    sector: "Secteur d'activité",
    employeeRange: "Nombre d'employés",
    address: 'Adresse',
    rc: 'Registre du commerce (RC)',
    nif: "Numéro d'identification fiscale (NIF)",
    nis: "Numéro d'identification statistique (NIS)",
    ai: "Article d'imposition (AI)",
    noCompany: 'Votre entreprise sera enregistrée lors de votre première demande de devis.',
    choose: '— Choisir —',
  },
  portal: {
    title: 'Mon espace',
    welcome: 'Bonjour {{name}}',
    noSubscription: "Vous n'avez pas encore d'abonnement actif.",
    nextStep: 'Demandez un devis : un commercial vous rappelle et vous envoie une proposition.',
    activeSubscription: 'Votre abonnement est actif.',
    notifications: 'Notifications',
    noNotifications: 'Aucune notification pour le moment.',
  },
  backoffice: {
    title: 'Back-office',
    welcome: 'Bonjour {{name}}, voici votre espace de travail.',
  },
  faq: { title: 'Questions fréquentes', search: 'Rechercher dans la FAQ', empty: 'Aucune question ne correspond à votre recherche.' },
  pager: { label: 'Pagination', previous: 'Page précédente', next: 'Page suivante', page: 'Page {{page}} sur {{count}}' },
  form: { required: 'obligatoire', errorSummary: 'Le formulaire contient des erreurs :' },
  validation: {
    required: 'Ce champ est obligatoire.',
    email: 'Adresse e-mail invalide.',
    passwordTooShort: 'Le mot de passe doit contenir au moins 10 caractères.',
    passwordTooLong: 'Le mot de passe est trop long (128 caractères au plus).',
    phone: 'Numéro de téléphone algérien invalide (0XXXXXXXXX ou +213XXXXXXXXX).',
    tooLong: 'Ce texte est trop long.',
    nif: 'Le NIF compte 15 ou 20 chiffres.',
    nis: 'Le NIS compte 15 chiffres.',
    ai: "L'article d'imposition compte 11 chiffres.",
    rc: 'Registre du commerce invalide.',
    choice: 'Choisissez une valeur dans la liste.',
  },
  errors: {
    internal: 'Une erreur inattendue est survenue. Réessayez dans un instant.',
    unauthenticated: 'Connectez-vous pour continuer.',
    forbidden: "Vous n'avez pas accès à cette page.",
    notFound: 'Introuvable.',
    subscriptionRequired: 'Cette page est réservée aux clients dont l’abonnement est actif.',
    invalidCredentials: 'Adresse e-mail ou mot de passe incorrect.',
    tooManyAttempts: 'Trop de tentatives de connexion. Réessayez dans {{minutes}} minute(s).',
    tooManyRequests: 'Trop de demandes. Réessayez dans {{minutes}} minute(s).',
    emailTaken: 'Un compte existe déjà avec cette adresse e-mail.',
    resetInvalid: 'Ce lien de réinitialisation est invalide, déjà utilisé ou expiré. Demandez-en un nouveau.',
    wrongCurrentPassword: 'Le mot de passe actuel est incorrect.',
    foreignOrigin: 'Requête refusée : origine non autorisée.',
    pageNotFound: 'Page introuvable',
    pageNotFoundLead: "La page demandée n'existe pas ou a été déplacée.",
    serverError: 'Erreur du serveur',
    serverErrorLead: 'Un problème est survenu de notre côté. Réessayez dans un instant.',
    unavailable: 'Service momentanément indisponible',
    illegalTransition: {
      quote: "Cette action n'est pas possible : la demande de devis est « {{from}} ».",
      proforma: "Cette action n'est pas possible : la facture pro forma est « {{from}} ».",
      purchaseOrder: 'Ce bon de commande a déjà été examiné (« {{from}} »).',
      invoice: "Cette action n'est pas possible : la facture est « {{from}} ».",
      subscription: "Cette action n'est pas possible : l'abonnement est « {{from}} ».",
      paymentProof: 'Ce justificatif a déjà été examiné.',
    },
    backHome: "Retour à l'accueil",
  },
  mail: {
    greeting: 'Bonjour {{name}},',
    signature: "L'équipe Y-tech",
    welcomeSubject: 'Bienvenue chez Y-tech',
    welcomeBody: 'Votre compte Y-tech est créé. Vous pouvez dès maintenant demander un devis et suivre vos documents depuis votre espace.',
    welcomeCta: 'Accéder à mon espace',
    resetSubject: 'Réinitialisation de votre mot de passe',
    resetBody: 'Vous avez demandé à changer votre mot de passe. Ce lien est valable une heure et ne sert qu’une fois :',
    resetCta: 'Choisir un nouveau mot de passe',
    resetIgnore: "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
    footer: 'Y-tech — Services informatiques managés — Alger',
  },
  notifications: { welcome: 'Bienvenue chez Y-tech, {{name}} ! Demandez un devis pour démarrer.' },
  footer: { siteMenu: 'Le site', rights: 'Tous droits réservés.', address: 'Alger, Algérie' },
};

/** Sections live beside, one per area of the product; merged here (two levels deep). */
export const fr = mergeSections(
  core,
  salesFr,
  billingFr,
  adminFr,
  glpiFr,
  syncFr,
  portalFr,
  backofficeFr,
  securityFr,
  replicasFr,
  glpiAccountFr,
  ticketsMoreFr,
  ticketFilesFr,
  satisfactionFr,
  siteFr,
  companyUsersFr,
  subscriptionChangesFr,
  reportsFr,
);

/** The core texts' shape, which ar.ts's core must match key for key. */
export type FrCore = typeof core;

/** The base with each section merged over it in turn, as a type. */
type Merged<T, S extends readonly unknown[]> = S extends readonly [infer Head, ...infer Rest] ? Merged<T & Head, Rest> : T;

export function mergeSections<T extends Record<string, unknown>, S extends Array<Record<string, unknown>>>(
  base: T,
  ...sections: [...S]
): NoInfer<Merged<T, S>> {
  const out: Record<string, unknown> = { ...base };
  for (const section of sections) {
    for (const [key, value] of Object.entries(section)) {
      const existing = out[key];
      out[key] = existing && typeof existing === 'object' && typeof value === 'object' ? { ...existing, ...value } : value;
    }
  }
  return out as Merged<T, S>;
}
