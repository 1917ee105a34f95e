//! Reading the text of XML data files, for the training and evaluation examples.

/// The text of an XML element with its five predefined entities replaced ("&amp;" → "&").
pub fn unescape_xml(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}
