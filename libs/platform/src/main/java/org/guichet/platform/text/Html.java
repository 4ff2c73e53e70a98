package org.guichet.platform.text;

/** For the few pages the services render themselves. */
public final class Html {
    private Html() {
    }

    public static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
