// Naming rules for custom content (sections 3.x and 11): the strict custom-prefix forms that the
// custom-prefix check expects of custom types, properties and extensions.
export const CUSTOM_PROPERTY_STRICT_RE = /^x_[a-z0-9]+_[a-z0-9_]+$/;
export const CUSTOM_TYPE_STRICT_RE = /^x-[a-z0-9]+-[a-z0-9-]+$/;
export const CUSTOM_EXT_STRICT_RE = /^x-[a-z0-9]+-[a-z0-9-]+-ext$/;
