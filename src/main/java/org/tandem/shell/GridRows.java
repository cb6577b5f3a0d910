package org.tandem.shell;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.grid.Grid;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** How a grid of things to open behaves the same on every page: a click opens a row, and so does Enter on it. */
public final class GridRows {

    private GridRows() {}

    /**
     * Opens a row when it is clicked, or (for keyboard users) when Enter is pressed on its focused cell. Returns what
     * forgets the focused row, for when the grid's items change under it.
     */
    public static <T> Runnable openOnClickOrEnter(Grid<T> grid, Consumer<T> open) {
        AtomicReference<Optional<T>> focused = new AtomicReference<>(Optional.empty());
        grid.addItemClickListener(click -> open.accept(click.getItem()));
        grid.addCellFocusListener(focus -> focused.set(focus.getItem()));
        Shortcuts.addShortcutListener(grid, () -> {
            focused.get().ifPresent(open);
        }, Key.ENTER).listenOn(grid);
        return () -> focused.set(Optional.empty());
    }
}
