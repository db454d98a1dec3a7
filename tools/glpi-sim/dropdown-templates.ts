import type { RowTemplate } from './item-templates';

// Captured from a real GLPI 10.0.12 (GET /:dropdown?get_hateoas=false on its own rows): every column in
// GLPI's order with neutral defaults, as item-templates.ts does for the other item types. None of
// these has child links; only the entity-assigned ones (State, Location, ITILCategory,
// SoftwareLicenseType) link to their Entity. SoftwareCategory has no date_mod/date_creation at all.
export const dropdownTemplates = {
  OperatingSystem: {
    defaults: {"id":0,"name":"","comment":null,"date_mod":null,"date_creation":null},
    childLinks: [],
  },
  Manufacturer: {
    defaults: {"id":0,"name":"","comment":null,"date_mod":null,"date_creation":null},
    childLinks: [],
  },
  ComputerModel: {
    defaults: {"id":0,"name":"","comment":null,"product_number":null,"weight":0,"required_units":1,"depth":1,"power_connections":0,"power_consumption":0,"is_half_rack":0,"picture_front":null,"picture_rear":null,"pictures":null,"date_mod":null,"date_creation":null},
    childLinks: [],
  },
  ComputerType: {
    defaults: {"id":0,"name":"","comment":null,"date_mod":null,"date_creation":null},
    childLinks: [],
  },
  MonitorModel: {
    defaults: {"id":0,"name":"","comment":null,"product_number":null,"weight":0,"required_units":1,"depth":1,"power_connections":0,"power_consumption":0,"is_half_rack":0,"picture_front":null,"picture_rear":null,"pictures":null,"date_mod":null,"date_creation":null},
    childLinks: [],
  },
  MonitorType: {
    defaults: {"id":0,"name":"","comment":null,"date_mod":null,"date_creation":null},
    childLinks: [],
  },
  PrinterModel: {
    defaults: {"id":0,"name":"","comment":null,"product_number":null,"date_mod":null,"date_creation":null,"picture_front":null,"picture_rear":null,"pictures":null},
    childLinks: [],
  },
  PrinterType: {
    defaults: {"id":0,"name":"","comment":null,"date_mod":null,"date_creation":null},
    childLinks: [],
  },
  NetworkEquipmentModel: {
    defaults: {"id":0,"name":"","comment":null,"product_number":null,"weight":0,"required_units":1,"depth":1,"power_connections":0,"power_consumption":0,"is_half_rack":0,"picture_front":null,"picture_rear":null,"pictures":null,"date_mod":null,"date_creation":null},
    childLinks: [],
  },
  NetworkEquipmentType: {
    defaults: {"id":0,"name":"","comment":null,"date_mod":null,"date_creation":null},
    childLinks: [],
  },
  PeripheralModel: {
    defaults: {"id":0,"name":"","comment":null,"product_number":null,"weight":0,"required_units":1,"depth":1,"power_connections":0,"power_consumption":0,"is_half_rack":0,"picture_front":null,"picture_rear":null,"pictures":null,"date_mod":null,"date_creation":null},
    childLinks: [],
  },
  PeripheralType: {
    defaults: {"id":0,"name":"","comment":null,"date_mod":null,"date_creation":null},
    childLinks: [],
  },
  PhoneModel: {
    defaults: {"id":0,"name":"","comment":null,"product_number":null,"date_mod":null,"date_creation":null,"picture_front":null,"picture_rear":null,"pictures":null},
    childLinks: [],
  },
  PhoneType: {
    defaults: {"id":0,"name":"","comment":null,"date_mod":null,"date_creation":null},
    childLinks: [],
  },
  SoftwareCategory: {
    defaults: {"id":0,"name":"","comment":null,"softwarecategories_id":0,"completename":"","level":1,"ancestors_cache":null,"sons_cache":null},
    childLinks: [],
  },
  SoftwareLicenseType: {
    defaults: {"id":0,"name":"","comment":null,"date_mod":null,"date_creation":null,"softwarelicensetypes_id":0,"level":1,"ancestors_cache":null,"sons_cache":null,"entities_id":0,"is_recursive":0,"completename":""},
    childLinks: [],
  },
  State: {
    defaults: {"id":0,"name":"","entities_id":0,"is_recursive":0,"comment":null,"states_id":0,"completename":"","level":1,"ancestors_cache":null,"sons_cache":null,"is_visible_computer":1,"is_visible_monitor":1,"is_visible_networkequipment":1,"is_visible_peripheral":1,"is_visible_phone":1,"is_visible_printer":1,"is_visible_softwareversion":1,"is_visible_softwarelicense":1,"is_visible_line":1,"is_visible_certificate":1,"is_visible_rack":1,"is_visible_passivedcequipment":1,"is_visible_enclosure":1,"is_visible_pdu":1,"is_visible_cluster":1,"is_visible_contract":1,"is_visible_appliance":1,"is_visible_databaseinstance":1,"is_visible_cable":1,"is_visible_unmanaged":1,"date_mod":null,"date_creation":null},
    childLinks: [],
  },
  Location: {
    defaults: {"id":0,"entities_id":0,"is_recursive":0,"name":"","locations_id":0,"completename":"","comment":null,"level":1,"ancestors_cache":null,"sons_cache":null,"address":null,"postcode":null,"town":null,"state":null,"country":null,"building":null,"room":null,"latitude":null,"longitude":null,"altitude":null,"date_mod":null,"date_creation":null},
    childLinks: [],
  },
  ITILCategory: {
    defaults: {"id":0,"entities_id":0,"is_recursive":0,"itilcategories_id":0,"name":"","completename":"","comment":null,"level":1,"knowbaseitemcategories_id":0,"users_id":0,"groups_id":0,"code":"","ancestors_cache":null,"sons_cache":null,"is_helpdeskvisible":1,"tickettemplates_id_incident":0,"tickettemplates_id_demand":0,"changetemplates_id":0,"problemtemplates_id":0,"is_incident":1,"is_request":1,"is_problem":1,"is_change":1,"date_mod":null,"date_creation":null},
    childLinks: [],
  },
} satisfies Record<string, RowTemplate>;
