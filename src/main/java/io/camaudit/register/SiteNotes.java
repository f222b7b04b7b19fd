package io.camaudit.register;

import io.camaudit.shared.Viewer;
import java.util.List;

/** What other features can say about a site on its page; implemented outside the register, which only shows the notes. */
public interface SiteNotes {

    List<DeviceNotes.Note> notesFor(Viewer viewer, Site site);
}
