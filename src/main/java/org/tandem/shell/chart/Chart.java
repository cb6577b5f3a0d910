package org.tandem.shell.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.internal.JacksonUtils;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Chart.js chart. The Java side builds the whole Chart.js configuration ({@code type}, {@code data},
 * {@code options}) as JSON; the {@code <tandem-chart>} element ({@code frontend/tandem-chart.ts}) draws it
 * responsively in a container of the height set here, and keeps the last configuration in its {@code config}
 * property so that browser tests can read the points.
 *
 * <p>JSON cannot carry functions, so the element adds the few that every chart needs: a point's tooltip is its
 * {@code tip} field when it has one (else "dataset label value"); a dataset with {@code tandemNoTooltip: true} has
 * no tooltip; {@code options.plugins.tandemAreas} is a list of shaded rectangles in data coordinates
 * ({@code xMin, xMax, yMin, yMax}, any of them omitted means the edge of the chart) with {@code color} and an
 * optional {@code label} drawn inside.
 */
@Tag("tandem-chart")
@NpmPackage(value = "chart.js", version = "4.6.1")
@JsModule("./tandem-chart.ts")
public class Chart extends Component implements HasSize {

    private static final String CONFIG = "config";

    private ObjectNode configuration = JacksonUtils.createObjectNode();

    public Chart() {
        setWidthFull();
        setHeight("20rem");
    }

    public Chart(ObjectNode configuration) {
        this();
        setConfiguration(configuration);
    }

    /** Draws the chart from this Chart.js configuration, replacing the previous one. */
    public void setConfiguration(ObjectNode configuration) {
        this.configuration = configuration.deepCopy();
        getElement().setPropertyJson(CONFIG, this.configuration.deepCopy());
    }

    /** A copy of the configuration last set. */
    public ObjectNode getConfiguration() {
        return configuration.deepCopy();
    }
}
