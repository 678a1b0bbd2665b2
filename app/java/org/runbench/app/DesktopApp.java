package org.runbench.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.runbench.charts.RunColors;
import org.runbench.views.ComparisonViewModel;
import org.runbench.views.FxTaskRunner;
import org.runbench.views.FxUserMessages;
import org.runbench.views.MainViewModel;
import org.runbench.views.MainWindow;
import org.runbench.views.UserMessages;
import org.runbench.views.connection.ConnectionViewModel;
import org.runbench.views.connection.LogViewModel;
import org.runbench.views.diff.DiffViewModel;
import org.runbench.views.summary.SummaryViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: shows the window at once, opens the cache on a worker thread (loading the
 * bundled samples into an empty cache), then fills the window.
 */
public final class DesktopApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);
    private static volatile Path cacheDirectory;
    private static volatile org.runbench.tracking.SettingsOverrides serverOverrides = org.runbench.tracking.SettingsOverrides.NONE;

    private FxTaskRunner tasks;
    private AppServices services;

    /** Starts the app on {@code cache} with the command line's server settings and blocks until the window is closed. */
    public static void launchApp(Path cache, org.runbench.tracking.SettingsOverrides overrides) {
        cacheDirectory = cache;
        serverOverrides = overrides;
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        FxUserMessages messages = new FxUserMessages(stage);
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.error("Uncaught error on {}", thread.getName(), error);
            Platform.runLater(() -> messages.showError("Unexpected error",
                    "Runbench hit an unexpected error: " + error + ". The log has the details; please report it."));
        });
        tasks = new FxTaskRunner();

        Label opening = new Label("Opening the cache at " + cacheDirectory + " …");
        VBox splash = new VBox(12, new ProgressIndicator(), opening);
        splash.setStyle("-fx-alignment: center; -fx-padding: 40;");
        Scene scene = new Scene(splash, 1400, 900);
        scene.getStylesheets().add(MainWindow.class.getResource("runbench.css").toExternalForm());
        stage.setTitle("Runbench");
        stage.setScene(scene);
        stage.show();

        tasks.submit("Opening the cache", progress -> AppServices.open(cacheDirectory, progress, serverOverrides,
                System.getenv(), java.nio.file.Path.of(System.getProperty("user.home"))), opened -> {
            services = opened;
            scene.setRoot(buildWindow(opened, tasks, messages, stage::close));
            stage.setTitle("Runbench — " + opened.cache().directory());
        }, error -> {
            opening.setText("The cache could not be opened.");
            messages.showError("Cannot open the cache", AppServices.messageOf(error));
        });
    }

    /** Builds the main window on {@code services} and starts reading projects; call on the JavaFX thread. */
    static MainWindow buildWindow(AppServices services, FxTaskRunner tasks, UserMessages messages, Runnable quit) {
        MainViewModel main = new MainViewModel(services.cache(), services.importService(),
                new org.runbench.sync.CachedRunRemoval(services.cache()), tasks, messages);
        ComparisonViewModel comparison = new ComparisonViewModel(services.cache(), services.cache(), tasks, messages, new RunColors());
        SummaryViewModel summary = new SummaryViewModel(services.cache(), tasks, messages);
        DiffViewModel diff = new DiffViewModel(services.cache(), tasks, messages);
        ConnectionViewModel connection = new ConnectionViewModel(services.syncService(), tasks, messages, main::refreshProjects);
        LogViewModel log = new LogViewModel(services.syncService(), tasks);
        MainWindow window = new MainWindow(main, comparison, summary, diff, connection, log, tasks, quit);
        main.refreshProjects();
        connection.start();
        return window;
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
        if (services != null) {
            services.close();
        }
    }
}
