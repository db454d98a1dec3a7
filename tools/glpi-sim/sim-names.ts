/** Word lists for realistic Algerian client data; French is the working language of the tickets. */
export const firstNames = [
  'Amine',
  'Yacine',
  'Karim',
  'Sofiane',
  'Mehdi',
  'Rachid',
  'Nassim',
  'Walid',
  'Hichem',
  'Bilal',
  'Samir',
  'Mourad',
  'Farid',
  'Lotfi',
  'Riad',
  'Anis',
  'Yasmine',
  'Amel',
  'Nadia',
  'Sara',
  'Lina',
  'Imane',
  'Meriem',
  'Kenza',
  'Nour',
  'Rym',
  'Sonia',
  'Feriel',
  'Lamia',
  'Dounia',
  'Hélène',
  'Julien',
  'Céline',
  'Thomas',
  'Élodie',
] as const;

export const lastNames = [
  'Benali',
  'Bouzid',
  'Haddad',
  'Mansouri',
  'Belkacem',
  'Cherif',
  'Khelifi',
  'Saadi',
  'Boudiaf',
  'Amrani',
  'Djebbar',
  'Hamidi',
  'Kaci',
  'Larbi',
  'Meziane',
  'Ouali',
  'Rahmani',
  'Slimani',
  'Taleb',
  'Zerrouki',
  'Benyahia',
  'Boumediene',
  'Ferhat',
  'Ait Ahmed',
  'Lefèvre',
  'Moreau',
] as const;

export const companyStems = [
  'Sonatrach Services',
  'Atlas Logistique',
  'Numidia Textiles',
  'Djurdjura Agro',
  'Tassili Voyages',
  'Hoggar Bâtiment',
  'Casbah Conseil',
  'Medina Pharma',
  'El Bahia Transport',
  'Cirta Informatique',
  'Hippone Import',
  'Saoura Énergie',
  'Kabylie Distribution',
  'Titteri Matériaux',
  'Chelia Mobilier',
  'Ziban Dattes',
  'Mitidja Fruits',
  'Oasis Télécom',
  'Sahel Assurances',
  'Aurès Métal',
] as const;

export const legalForms = ['SARL', 'SPA', 'EURL', 'SNC'] as const;

export const cities = [
  'Alger',
  'Oran',
  'Constantine',
  'Annaba',
  'Blida',
  'Sétif',
  'Tizi Ouzou',
  'Béjaïa',
  'Tlemcen',
  'Batna',
  'Biskra',
  'Ouargla',
] as const;

export const manufacturers = [
  'Dell',
  'HP',
  'Lenovo',
  'Acer',
  'Asus',
  'Samsung',
  'Brother',
  'Canon',
  'Epson',
  'Cisco',
  'Huawei',
  'Yealink',
  'Logitech',
  'Microsoft',
  'Adobe',
] as const;

/**
 * Who makes what, by index into `manufacturers` (1-based ids): a prospect reading the demo should
 * never see a computer made by Adobe. Computers follow their model (computerModels below).
 */
export const makersByType = {
  computerByModel: [1, 2, 3, 1, 4],
  Monitor: [1, 2, 6, 5],
  Printer: [7, 8, 9, 2],
  NetworkEquipment: [10, 11],
  Peripheral: [13, 14, 1],
  Phone: [12],
  Software: [14, 15],
} as const;

/** Answers that fit any ticket; those about one kind of problem are in `followupsByTopic`. */
export const genericFollowups = [
  'Technicien sur site demain matin.',
  'Pouvez-vous redémarrer le poste et nous confirmer ?',
  'Le problème est résolu de notre côté, merci de confirmer.',
  'Merci, cela fonctionne à nouveau.',
  'Intervention à distance effectuée.',
] as const;

export const operatingSystems = ['Windows 11 Pro', 'Windows 10 Pro', 'Ubuntu 22.04 LTS', 'Windows Server 2022'] as const;

export const states = ['En service', 'En stock', 'En panne', 'Réformé'] as const;

export const itilCategories = ['Matériel', 'Logiciel', 'Réseau', "Demande d'accès", 'Impression'] as const;

export const computerTypes = ['Poste fixe', 'Portable', 'Serveur', 'Machine virtuelle'] as const;

/** Models by the ids seeded assets use: computers 1-5, monitors 6-7, printers 8-9, switches 10, phones 11. */
export const computerModels = ['OptiPlex 7090', 'EliteBook 840 G8', 'ThinkPad T14 Gen 3', 'PowerEdge R740', 'Aspire 5'] as const;
export const monitorModels = { 6: 'P2422H', 7: 'E24 G5' } as const;
export const printerModels = { 8: 'HL-L2350DW', 9: 'i-SENSYS MF445dw' } as const;
export const networkEquipmentModels = { 10: 'Catalyst 2960' } as const;
export const phoneModels = { 11: 'T46U' } as const;

export const monitorTypes = ['LCD', 'OLED'] as const;
export const printerTypes = ['Laser', "Jet d'encre"] as const;
export const networkEquipmentTypes = ['Commutateur', 'Routeur', "Point d'accès Wi-Fi"] as const;
export const peripheralTypes = ['Clavier', 'Souris', 'Webcam', 'Casque'] as const;
export const phoneTypes = ['Téléphone IP', 'Mobile'] as const;
export const softwareCategories = ['Bureautique', 'Sécurité', 'Utilitaires', 'Métier'] as const;

export const licenseTypes = ['OEM', 'Volume', 'Abonnement'] as const;

export const softwareNames = [
  'Microsoft 365 Apps',
  'Windows 11 Pro',
  'Adobe Acrobat Reader',
  'Google Chrome',
  'Mozilla Firefox',
  '7-Zip',
  'VLC media player',
  'Kaspersky Endpoint Security',
  'Sage Comptabilité',
  'AnyDesk',
  'LibreOffice',
  'Zoom Workplace',
] as const;

export const ticketTitles = [
  "L'imprimante du 2e étage ne répond plus",
  'Impossible de se connecter au VPN',
  'Écran bleu après la mise à jour Windows',
  'Demande de création de compte pour un nouvel employé',
  'Boîte mail pleine',
  'Le Wi-Fi coupe dans la salle de réunion',
  'Installation de Sage sur le poste comptable',
  'Clavier défectueux',
  'Accès au dossier partagé Finance',
  'Le serveur de fichiers est lent',
  'Remplacement du toner',
  'Téléphone IP sans tonalité',
  'Demande de second écran',
  'Mot de passe expiré',
  'Sauvegarde nocturne en échec',
  'Projecteur de la salle B & C en panne',
] as const;

export const followupTexts = [
  'Technicien sur site demain matin.',
  'Pouvez-vous redémarrer le poste et nous confirmer ?',
  'Pièce commandée, livraison prévue sous 48 h.',
  'Le problème est résolu de notre côté, merci de confirmer.',
  'Merci, cela fonctionne à nouveau.',
  'Intervention à distance effectuée.',
  'Nous attendons le retour du fournisseur.',
  'Le toner a été remplacé.',
] as const;

export const privateNotes = [
  'Note interne : garantie constructeur expirée.',
  'Note interne : à facturer hors forfait.',
  'Note interne : escalade vers le niveau 2.',
] as const;
