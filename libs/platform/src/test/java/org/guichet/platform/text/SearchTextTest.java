package org.guichet.platform.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SearchTextTest {

    @Test
    void folds_accents_case_and_outer_spaces() {
        assertEquals("novakova", SearchText.fold(" Nováková "));
        assertEquals("francoise dupre-lefevre", SearchText.fold("Françoise Dupré-Lefèvre"));
        assertEquals("dvorak", SearchText.fold("DVOŘÁK"));
    }

    @Test
    void like_patterns_take_sql_wildcards_literally() {
        assertEquals("100\\%\\_a\\\\b", SearchText.likeLiteral("100%_a\\b"));
        assertEquals("kovar\\_1%", SearchText.likeWithStars("kovar_1*"));
        assertEquals("%x%", SearchText.likeWithStars("*x*"));
    }

    @Test
    void html_is_escaped() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;", Html.escape("<a href=\"x\">&"));
        assertEquals("", Html.escape(null));
    }
}
