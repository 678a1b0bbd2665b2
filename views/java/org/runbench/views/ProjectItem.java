package org.runbench.views;

import org.runbench.model.Project;

/**
 * An entry of the project tree: a server heading or one of its projects.
 *
 * @param project the project, or null for a server heading
 * @param label   text shown in the tree
 */
public record ProjectItem(Project project, String label) {

    public static ProjectItem server(String name) {
        return new ProjectItem(null, name);
    }

    public static ProjectItem of(Project project) {
        return new ProjectItem(project, project.name());
    }

    public boolean isProject() {
        return project != null;
    }

    @Override
    public String toString() {
        return label;
    }
}
