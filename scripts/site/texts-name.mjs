// The texts file's name, `optics-texts-<16 hex digits>.json` (src/texts.rs
// hashes its contents into it): the build and the Shopify assets find it by this.
export const TEXTS_NAME = /^optics-texts-[0-9a-f]{16}\.json$/;
