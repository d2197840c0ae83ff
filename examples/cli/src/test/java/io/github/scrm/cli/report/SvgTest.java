package io.github.scrm.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SvgTest {

  @Test
  void escape_replacesMarkupCharactersAndControls() {
    assertThat(Svg.escape("<script>alert('x' & \"y\")</script>\u0007"))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt; ");
  }

  @Test
  void charts_escapeEveryLabel() {
    String evil = "<b>&";
    String all = Svg.bars(evil, List.of(new Svg.Bar(evil, 3)))
        + Svg.grid(evil, List.of(evil), List.of(evil), new String[][] {{evil}}, new long[][] {{1}})
        + Svg.stacked(evil, List.of(evil), List.of(new Svg.Column(evil, Map.of(evil, 2L))))
        + Svg.funnel(evil, List.of(new Svg.Bar(evil, 5)));
    assertThat(all).doesNotContain("<b>").contains("&lt;b&gt;&amp;");
  }

  @Test
  void bars_scaleToTheLargestValue() {
    String svg = Svg.bars("t", List.of(new Svg.Bar("a", 10), new Svg.Bar("b", 5)));
    assertThat(svg).contains("width=\"600\"").contains("width=\"300\"");
  }
}
