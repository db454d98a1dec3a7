// Generated once from fidelity/fixtures (one real row per item type, GLPI 10.0.12): the full
// column list in GLPI's order, so simulated rows carry exactly the keys and JSON types GLPI returns.
// Defaults are what a real GLPI 10.0.12 stores for a row created through the API with a name only
// (serial null, not ""; a Monitor's size "0.00"…). Seeded and written values override them.
// Regenerate by hand only if GLPI's schema changes; the fidelity suite catches drift.

import { dropdownTemplates } from './dropdown-templates';

export type Scalar = string | number | null;
export type RowTemplate = { readonly defaults: Readonly<Record<string, Scalar>>; readonly childLinks: readonly string[] };

export const itemTemplates = {
  Computer: {
    defaults: {"id":0,"entities_id":0,"name":"","serial":null,"otherserial":null,"contact":null,"contact_num":null,"users_id_tech":0,"groups_id_tech":0,"comment":null,"date_mod":null,"autoupdatesystems_id":0,"locations_id":0,"networks_id":0,"computermodels_id":0,"computertypes_id":0,"is_template":0,"template_name":null,"manufacturers_id":0,"is_deleted":0,"is_dynamic":0,"users_id":0,"groups_id":0,"states_id":0,"ticket_tco":"0.0000","uuid":null,"date_creation":null,"is_recursive":0,"last_inventory_update":null,"last_boot":null},
    childLinks: ["ReservationItem","Document_Item","Contract_Item","Infocom","Item_Ticket","Item_Project","NetworkPort","Item_DeviceMotherboard","Item_DeviceFirmware","Item_DeviceProcessor","Item_DeviceMemory","Item_DeviceHardDrive","Item_DeviceNetworkCard","Item_DeviceDrive","Item_DeviceBattery","Item_DeviceGraphicCard","Item_DeviceSoundCard","Item_DeviceControl","Item_DevicePci","Item_DeviceCase","Item_DevicePowerSupply","Item_DeviceGeneric","Item_DeviceSimcard","Item_DeviceSensor","Item_DeviceCamera"],
  },
  Monitor: {
    defaults: {"id":0,"entities_id":0,"name":"","date_mod":null,"contact":null,"contact_num":null,"users_id_tech":0,"groups_id_tech":0,"comment":null,"serial":null,"otherserial":null,"size":"0.00","have_micro":0,"have_speaker":0,"have_subd":0,"have_bnc":0,"have_dvi":0,"have_pivot":0,"have_hdmi":0,"have_displayport":0,"locations_id":0,"monitortypes_id":0,"monitormodels_id":0,"manufacturers_id":0,"is_global":0,"is_deleted":0,"is_template":0,"template_name":null,"users_id":0,"groups_id":0,"states_id":0,"ticket_tco":"0.0000","is_dynamic":0,"autoupdatesystems_id":0,"uuid":null,"date_creation":null,"is_recursive":0},
    childLinks: ["ReservationItem","Document_Item","Contract_Item","Infocom","Item_Ticket","Item_Project","NetworkPort"],
  },
  Printer: {
    defaults: {"id":0,"entities_id":0,"is_recursive":0,"name":"","date_mod":null,"contact":null,"contact_num":null,"users_id_tech":0,"groups_id_tech":0,"serial":null,"otherserial":null,"have_serial":0,"have_parallel":0,"have_usb":0,"have_wifi":0,"have_ethernet":0,"comment":null,"memory_size":null,"locations_id":0,"networks_id":0,"printertypes_id":0,"printermodels_id":0,"manufacturers_id":0,"is_global":0,"is_deleted":0,"is_template":0,"template_name":null,"init_pages_counter":0,"last_pages_counter":0,"users_id":0,"groups_id":0,"states_id":0,"ticket_tco":"0.0000","is_dynamic":0,"uuid":null,"date_creation":null,"sysdescr":null,"last_inventory_update":null,"snmpcredentials_id":0,"autoupdatesystems_id":0},
    childLinks: ["ReservationItem","Document_Item","Contract_Item","Infocom","Item_Ticket","Item_Project","NetworkPort","Item_DeviceMotherboard","Item_DeviceFirmware","Item_DeviceProcessor","Item_DeviceMemory","Item_DeviceHardDrive","Item_DeviceNetworkCard","Item_DeviceDrive","Item_DeviceBattery","Item_DeviceGraphicCard","Item_DeviceSoundCard","Item_DeviceControl","Item_DevicePci","Item_DeviceCase","Item_DeviceGeneric","Item_DeviceSimcard","Item_DeviceSensor","Item_DeviceCamera"],
  },
  NetworkEquipment: {
    defaults: {"id":0,"entities_id":0,"is_recursive":0,"name":"","ram":null,"serial":null,"otherserial":null,"contact":null,"contact_num":null,"users_id_tech":0,"groups_id_tech":0,"date_mod":null,"comment":null,"locations_id":0,"networks_id":0,"networkequipmenttypes_id":0,"networkequipmentmodels_id":0,"manufacturers_id":0,"is_deleted":0,"is_template":0,"template_name":null,"users_id":0,"groups_id":0,"states_id":0,"ticket_tco":"0.0000","is_dynamic":0,"uuid":null,"date_creation":null,"autoupdatesystems_id":0,"sysdescr":null,"cpu":0,"uptime":"0","last_inventory_update":null,"snmpcredentials_id":0},
    childLinks: ["ReservationItem","Document_Item","Contract_Item","Infocom","Item_Ticket","Item_Project","NetworkPort","Item_DeviceMotherboard","Item_DeviceFirmware","Item_DeviceProcessor","Item_DeviceMemory","Item_DeviceHardDrive","Item_DeviceNetworkCard","Item_DeviceDrive","Item_DeviceBattery","Item_DeviceGraphicCard","Item_DeviceSoundCard","Item_DeviceControl","Item_DevicePci","Item_DeviceCase","Item_DevicePowerSupply","Item_DeviceGeneric","Item_DeviceSimcard","Item_DeviceSensor","Item_DeviceCamera"],
  },
  Peripheral: {
    defaults: {"id":0,"entities_id":0,"name":"","date_mod":null,"contact":null,"contact_num":null,"users_id_tech":0,"groups_id_tech":0,"comment":null,"serial":null,"otherserial":null,"locations_id":0,"peripheraltypes_id":0,"peripheralmodels_id":0,"brand":null,"manufacturers_id":0,"is_global":0,"is_deleted":0,"is_template":0,"template_name":null,"users_id":0,"groups_id":0,"states_id":0,"ticket_tco":"0.0000","is_dynamic":0,"autoupdatesystems_id":0,"uuid":null,"date_creation":null,"is_recursive":0},
    childLinks: ["ReservationItem","Document_Item","Contract_Item","Infocom","Item_Ticket","Item_Project","NetworkPort","Item_DeviceMotherboard","Item_DeviceFirmware","Item_DeviceProcessor","Item_DeviceMemory","Item_DeviceHardDrive","Item_DeviceNetworkCard","Item_DeviceDrive","Item_DeviceBattery","Item_DeviceGraphicCard","Item_DeviceSoundCard","Item_DeviceControl","Item_DevicePci","Item_DeviceCase","Item_DevicePowerSupply","Item_DeviceGeneric","Item_DeviceSimcard","Item_DeviceSensor","Item_DeviceCamera"],
  },
  Phone: {
    defaults: {"id":0,"entities_id":0,"name":"","date_mod":null,"contact":null,"contact_num":null,"users_id_tech":0,"groups_id_tech":0,"comment":null,"serial":null,"otherserial":null,"locations_id":0,"phonetypes_id":0,"phonemodels_id":0,"brand":null,"phonepowersupplies_id":0,"number_line":null,"have_headset":0,"have_hp":0,"manufacturers_id":0,"is_global":0,"is_deleted":0,"is_template":0,"template_name":null,"users_id":0,"groups_id":0,"states_id":0,"ticket_tco":"0.0000","is_dynamic":0,"autoupdatesystems_id":0,"uuid":null,"date_creation":null,"is_recursive":0,"last_inventory_update":null},
    childLinks: ["ReservationItem","Document_Item","Contract_Item","Infocom","Item_Ticket","Item_Project","NetworkPort","Item_DeviceMotherboard","Item_DeviceFirmware","Item_DeviceProcessor","Item_DeviceMemory","Item_DeviceHardDrive","Item_DeviceNetworkCard","Item_DeviceDrive","Item_DeviceBattery","Item_DeviceGraphicCard","Item_DeviceSoundCard","Item_DeviceControl","Item_DevicePci","Item_DeviceCase","Item_DevicePowerSupply","Item_DeviceGeneric","Item_DeviceSimcard","Item_DeviceSensor","Item_DeviceCamera"],
  },
  Software: {
    defaults: {"id":0,"entities_id":0,"is_recursive":0,"name":"","comment":null,"locations_id":0,"users_id_tech":0,"groups_id_tech":0,"is_update":0,"softwares_id":0,"manufacturers_id":0,"is_deleted":0,"is_template":0,"template_name":null,"date_mod":null,"users_id":0,"groups_id":0,"ticket_tco":"0.0000","is_helpdesk_visible":1,"softwarecategories_id":0,"is_valid":1,"date_creation":null,"pictures":null},
    childLinks: ["ReservationItem","Document_Item","Contract_Item","Infocom","Item_Ticket","Item_Project"],
  },
  SoftwareLicense: {
    defaults: {"id":0,"softwares_id":0,"softwarelicenses_id":0,"completename":"","level":1,"ancestors_cache":null,"sons_cache":null,"entities_id":0,"is_recursive":0,"number":0,"softwarelicensetypes_id":0,"name":"","serial":null,"otherserial":null,"softwareversions_id_buy":0,"softwareversions_id_use":0,"expire":null,"comment":null,"date_mod":null,"is_valid":1,"date_creation":null,"is_deleted":0,"locations_id":0,"users_id_tech":0,"users_id":0,"groups_id_tech":0,"groups_id":0,"is_helpdesk_visible":0,"is_template":0,"template_name":null,"states_id":0,"manufacturers_id":0,"contact":null,"contact_num":null,"allow_overquota":0,"pictures":null},
    childLinks: ["Document_Item","Contract_Item","Infocom","Item_Ticket"],
  },
  // Not in the recorded fixtures: captured from a real GLPI 10.0.12 (an OS row and an Infocom of a computer).
  Item_OperatingSystem: {
    defaults: {"id":0,"items_id":0,"itemtype":"","operatingsystems_id":0,"operatingsystemversions_id":0,"operatingsystemservicepacks_id":0,"operatingsystemarchitectures_id":0,"operatingsystemkernelversions_id":0,"license_number":null,"licenseid":null,"company":null,"owner":null,"hostid":null,"operatingsystemeditions_id":0,"date_mod":null,"date_creation":null,"is_deleted":0,"is_dynamic":0,"entities_id":0,"is_recursive":0,"install_date":null},
    childLinks: [],
  },
  Infocom: {
    defaults: {"id":0,"items_id":0,"itemtype":"","entities_id":0,"is_recursive":0,"buy_date":null,"use_date":null,"warranty_duration":0,"warranty_info":null,"suppliers_id":0,"order_number":null,"delivery_number":null,"immo_number":null,"value":"0.0000","warranty_value":"0.0000","sink_time":0,"sink_type":0,"sink_coeff":0,"comment":null,"bill":null,"budgets_id":0,"alert":0,"order_date":null,"delivery_date":null,"inventory_date":null,"warranty_date":null,"date_mod":null,"date_creation":null,"decommission_date":null,"businesscriticities_id":0},
    childLinks: [],
  },
  Ticket: {
    defaults: {"id":0,"entities_id":0,"name":"","date":null,"closedate":null,"solvedate":null,"takeintoaccountdate":null,"date_mod":null,"users_id_lastupdater":0,"status":1,"users_id_recipient":0,"requesttypes_id":1,"content":"","urgency":3,"impact":3,"priority":3,"itilcategories_id":0,"type":1,"global_validation":1,"slas_id_ttr":0,"slas_id_tto":0,"slalevels_id_ttr":0,"time_to_resolve":null,"time_to_own":null,"begin_waiting_date":null,"sla_waiting_duration":0,"ola_waiting_duration":0,"olas_id_tto":0,"olas_id_ttr":0,"olalevels_id_ttr":0,"ola_tto_begin_date":null,"ola_ttr_begin_date":null,"internal_time_to_resolve":null,"internal_time_to_own":null,"waiting_duration":0,"close_delay_stat":0,"solve_delay_stat":0,"takeintoaccount_delay_stat":0,"actiontime":0,"is_deleted":0,"locations_id":0,"validation_percent":0,"date_creation":null},
    childLinks: ["Document_Item","TicketTask","TicketValidation","TicketCost","Problem_Ticket","Change_Ticket","Item_Ticket","ITILSolution","ITILFollowup","Ticket_User","Group_Ticket","Supplier_Ticket"],
  },
  ITILFollowup: {
    defaults: {"id":0,"itemtype":"","items_id":0,"date":null,"users_id":0,"users_id_editor":0,"content":"","is_private":0,"requesttypes_id":0,"date_mod":null,"date_creation":null,"timeline_position":1,"sourceitems_id":0,"sourceof_items_id":0},
    childLinks: ["Document_Item"],
  },
  ITILSolution: {
    // Columns of a real GLPI 10.0.12 answer to GET /Ticket/:id/ITILSolution (expanded names left out).
    defaults: {"id":0,"itemtype":"","items_id":0,"solutiontypes_id":0,"solutiontype_name":null,"content":"","date_creation":null,"date_mod":null,"date_approval":null,"users_id":0,"user_name":null,"users_id_editor":0,"users_id_approval":0,"user_name_approval":null,"status":1,"itilfollowups_id":null},
    childLinks: ["Document_Item"],
  },
  Item_Ticket: {
    defaults: {"id":0,"itemtype":"","items_id":0,"tickets_id":0},
    childLinks: [],
  },
  // Captured from a real GLPI 10.0.12 (a file uploaded through POST /Document and its link to a ticket).
  Document: {
    defaults: {"id":0,"entities_id":0,"is_recursive":0,"name":"","filename":null,"filepath":null,"documentcategories_id":0,"mime":null,"date_mod":null,"comment":null,"is_deleted":0,"link":null,"users_id":0,"tickets_id":0,"sha1sum":null,"is_blacklisted":0,"tag":null,"date_creation":null},
    childLinks: ["Document_Item"],
  },
  // Captured from a real GLPI 10.0.12 (GET /TicketSatisfaction after a POST through the API).
  TicketSatisfaction: {
    defaults: {"id":0,"tickets_id":0,"type":1,"date_begin":null,"date_answered":null,"satisfaction":null,"comment":null},
    childLinks: [],
  },
  Document_Item: {
    defaults: {"id":0,"documents_id":0,"items_id":0,"itemtype":"","entities_id":0,"is_recursive":0,"date_mod":null,"users_id":0,"timeline_position":0,"date_creation":null,"date":null},
    childLinks: [],
  },
  User: {
    defaults: {"id":0,"name":"","password_last_update":null,"phone":null,"phone2":null,"mobile":null,"realname":null,"firstname":null,"locations_id":0,"language":null,"use_mode":0,"list_limit":null,"is_active":1,"comment":null,"auths_id":0,"authtype":1,"last_login":null,"date_mod":null,"date_sync":null,"is_deleted":0,"profiles_id":0,"entities_id":0,"usertitles_id":0,"usercategories_id":0,"date_format":null,"number_format":null,"names_format":null,"csv_delimiter":null,"is_ids_visible":null,"use_flat_dropdowntree":null,"use_flat_dropdowntree_on_search_result":null,"show_jobs_at_login":null,"priority_1":null,"priority_2":null,"priority_3":null,"priority_4":null,"priority_5":null,"priority_6":null,"followup_private":null,"task_private":null,"default_requesttypes_id":null,"password_forget_token":null,"password_forget_token_date":null,"user_dn":null,"user_dn_hash":null,"registration_number":null,"show_count_on_tabs":null,"refresh_views":null,"set_default_tech":null,"personal_token_date":null,"api_token_date":null,"cookie_token_date":null,"display_count_on_home":null,"notification_to_myself":null,"duedateok_color":null,"duedatewarning_color":null,"duedatecritical_color":null,"duedatewarning_less":null,"duedatecritical_less":null,"duedatewarning_unit":null,"duedatecritical_unit":null,"display_options":null,"is_deleted_ldap":0,"pdffont":null,"picture":null,"begin_date":null,"end_date":null,"keep_devices_when_purging_item":null,"privatebookmarkorder":null,"backcreated":null,"task_state":null,"palette":null,"page_layout":null,"fold_menu":null,"fold_search":null,"savedsearches_pinned":null,"timeline_order":null,"itil_layout":null,"richtext_layout":null,"set_default_requester":null,"lock_autolock_mode":null,"lock_directunlock_notification":null,"date_creation":null,"highcontrast_css":0,"plannings":null,"sync_field":null,"groups_id":0,"users_id_supervisor":0,"timezone":null,"default_dashboard_central":null,"default_dashboard_assets":null,"default_dashboard_helpdesk":null,"default_dashboard_mini_ticket":null,"default_central_tab":0,"nickname":null,"timeline_action_btn_layout":0,"timeline_date_format":0},
    childLinks: ["Document_Item"],
  },
  Entity: {
    defaults: {"id":0,"name":"","entities_id":0,"completename":"","comment":null,"level":2,"sons_cache":null,"ancestors_cache":"","registration_number":null,"address":null,"postcode":null,"town":null,"state":null,"country":null,"website":null,"phonenumber":null,"fax":null,"email":null,"admin_email":null,"admin_email_name":null,"from_email":null,"from_email_name":null,"noreply_email":null,"noreply_email_name":null,"replyto_email":null,"replyto_email_name":null,"notification_subject_tag":null,"ldap_dn":null,"tag":null,"authldaps_id":0,"mail_domain":null,"entity_ldapfilter":null,"mailing_signature":null,"cartridges_alert_repeat":-2,"consumables_alert_repeat":-2,"use_licenses_alert":-2,"send_licenses_alert_before_delay":-2,"use_certificates_alert":-2,"send_certificates_alert_before_delay":-2,"certificates_alert_repeat_interval":-2,"use_contracts_alert":-2,"send_contracts_alert_before_delay":-2,"use_infocoms_alert":-2,"send_infocoms_alert_before_delay":-2,"use_reservations_alert":-2,"use_domains_alert":-2,"send_domains_alert_close_expiries_delay":-2,"send_domains_alert_expired_delay":-2,"autoclose_delay":-2,"autopurge_delay":-10,"notclosed_delay":-2,"calendars_strategy":-2,"calendars_id":0,"auto_assign_mode":-2,"tickettype":-2,"max_closedate":null,"inquest_config":-2,"inquest_rate":0,"inquest_delay":-10,"inquest_URL":null,"autofill_warranty_date":"-2","autofill_use_date":"-2","autofill_buy_date":"-2","autofill_delivery_date":"-2","autofill_order_date":"-2","tickettemplates_strategy":-2,"tickettemplates_id":0,"changetemplates_strategy":-2,"changetemplates_id":0,"problemtemplates_strategy":-2,"problemtemplates_id":0,"entities_strategy_software":-2,"entities_id_software":0,"default_contract_alert":-2,"default_infocom_alert":-2,"default_cartridges_alarm_threshold":-2,"default_consumables_alarm_threshold":-2,"delay_send_emails":-2,"is_notif_enable_default":-2,"inquest_duration":0,"date_mod":null,"date_creation":null,"autofill_decommission_date":"-2","suppliers_as_private":-2,"anonymize_support_agents":-2,"display_users_initials":-2,"contracts_strategy_default":-2,"contracts_id_default":0,"enable_custom_css":-2,"custom_css_code":null,"latitude":null,"longitude":null,"altitude":null,"transfers_strategy":-2,"transfers_id":0,"agent_base_url":null},
    childLinks: ["Document_Item"],
  },
  Profile_User: {
    defaults: {"id":0,"users_id":0,"profiles_id":0,"entities_id":0,"is_recursive":1,"is_dynamic":0,"is_default_profile":0},
    childLinks: [],
  },
  Ticket_User: {
    defaults: {"id":0,"tickets_id":0,"users_id":0,"type":1,"use_notification":1,"alternative_email":""},
    childLinks: [],
  },
  UserEmail: {
    defaults: {"id":0,"users_id":0,"is_default":1,"is_dynamic":0,"email":""},
    childLinks: [],
  },
  ...dropdownTemplates,
} satisfies Record<string, RowTemplate>;

export type TemplatedType = keyof typeof itemTemplates;
