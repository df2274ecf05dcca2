package dev.otsdk.cli;

import dev.otsdk.api.Tag;
import java.util.ArrayList;
import java.util.List;

/** Tags given on the command line, parsed before connecting so that typos fail fast with exit code 2. */
final class TagArguments {

    private TagArguments() {
    }

    /**
     * @param texts tag texts as typed, {@code address[:type][[count]]}
     * @return the tags, in the same order
     * @throws dev.otsdk.api.TagAddressException for the first malformed tag, naming the position
     */
    static List<Tag<?>> parse(List<String> texts) {
        List<Tag<?>> tags = new ArrayList<>(texts.size());
        for (String text : texts) {
            tags.add(Tag.parse(text));
        }
        return tags;
    }
}
