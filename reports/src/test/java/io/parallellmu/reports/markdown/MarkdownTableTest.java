package io.parallellmu.reports.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MarkdownTableTest {

    @Test
    void padsColumnsAndEscapesCells() {
        String table = new MarkdownTable("A", "Long header")
                .addRow("x|y", "<dir>")
                .addRow("two\nlines", "")
                .render();
        assertEquals("""
                | A            | Long header |
                | ------------ | ----------- |
                | x\\|y         | &lt;dir&gt; |
                | two<br>lines |             |
                """, table);
    }

    @Test
    void rowMustHaveOneCellPerColumn() {
        assertThrows(IllegalArgumentException.class, () -> new MarkdownTable("A", "B").addRow("1"));
    }
}
