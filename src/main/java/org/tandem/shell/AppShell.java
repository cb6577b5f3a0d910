package org.tandem.shell;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;

@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
// Server push: a new message or notification appears on the open pages of the people concerned (LiveUpdates).
@Push
public class AppShell implements AppShellConfigurator {}
