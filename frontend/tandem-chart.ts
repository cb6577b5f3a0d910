import Chart from 'chart.js/auto';
import type { ChartConfiguration, Plugin, TooltipItem } from 'chart.js';

// The <tandem-chart> element of org.tandem.shell.chart.Chart: draws the Chart.js configuration set from Java.
// JSON carries no functions, so tooltips (a point's `tip`), hidden tooltips/legend entries (`tandemNoTooltip`,
// `tandemNoLegend` on a dataset) and shaded areas (options.plugins.tandemAreas) are wired up here.

// Shaded rectangles in data coordinates (options.plugins.tandemAreas): the balanced band, the zones of the plane.
interface Area { xMin?: number; xMax?: number; yMin?: number; yMax?: number; color: string; label?: string; }

const areas = (list: Area[]): Plugin => ({
  id: 'tandemAreas',
  beforeDatasetsDraw(chart) {
    const { ctx, chartArea, scales: { x, y } } = chart;
    ctx.save();
    for (const area of list) {
      const left = area.xMin === undefined ? chartArea.left : x.getPixelForValue(area.xMin);
      const right = area.xMax === undefined ? chartArea.right : x.getPixelForValue(area.xMax);
      const top = area.yMax === undefined ? chartArea.top : y.getPixelForValue(area.yMax);
      const bottom = area.yMin === undefined ? chartArea.bottom : y.getPixelForValue(area.yMin);
      ctx.fillStyle = area.color;
      ctx.fillRect(left, top, right - left, bottom - top);
      if (area.label) {
        ctx.fillStyle = 'rgba(60, 60, 60, 0.75)';
        ctx.font = '600 12px system-ui, sans-serif';
        // In the area's top left corner, where it least often covers a point.
        ctx.textAlign = 'left';
        ctx.textBaseline = 'top';
        ctx.fillText(area.label, left + 6, top + 6, right - left - 12);
      }
    }
    ctx.restore();
  },
});

class TandemChart extends HTMLElement {
  private chart?: Chart;
  private current?: ChartConfiguration & { options?: { plugins?: { tandemAreas?: Area[] } } };
  private readonly canvas = document.createElement('canvas');

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    // A sized, relatively positioned box: Chart.js then fills it (maintainAspectRatio: false) on any width.
    style.textContent = ':host { display: block; position: relative; min-width: 0; } canvas { display: block; }';
    root.append(style, this.canvas);
  }

  /** The last configuration set from the server, as sent (browser tests read the points here). */
  get config() { return this.current; }

  set config(value) {
    this.current = value;
    this.draw();
  }

  connectedCallback() { this.draw(); }

  disconnectedCallback() {
    this.chart?.destroy();
    this.chart = undefined;
  }

  private draw() {
    if (!this.current || !this.isConnected) return;
    const config = structuredClone(this.current) as ChartConfiguration;
    const options = (config.options ??= {}) as Record<string, any>;
    options.responsive = true;
    options.maintainAspectRatio = false;
    options.animation = false;
    const plugins = (options.plugins ??= {});
    const shaded = this.current.options?.plugins?.tandemAreas ?? [];
    delete plugins.tandemAreas;
    const tooltip = (plugins.tooltip ??= {});
    tooltip.filter = (item: TooltipItem<any>) => !(item.dataset as any).tandemNoTooltip;
    tooltip.callbacks = {
      ...tooltip.callbacks,
      label: (item: TooltipItem<any>) =>
        (item.raw as { tip?: string })?.tip ?? `${item.dataset.label ?? ''} ${item.formattedValue}`,
    };
    const legend = (plugins.legend ??= {});
    legend.labels = {
      ...legend.labels,
      filter: (item: { datasetIndex?: number }) =>
        !(config.data.datasets[item.datasetIndex ?? 0] as any)?.tandemNoLegend,
    };
    config.plugins = [areas(shaded)];
    this.chart?.destroy();
    this.chart = new Chart(this.canvas, config);
  }
}

customElements.define('tandem-chart', TandemChart);
