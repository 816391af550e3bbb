package org.harl.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentFactoryTest {

    record Size(int width) {
    }

    record Other(int width) {
    }

    @Test
    void ofReportsWhatItWasGivenAndCreatesWithTheCreator() {
        List<Object> seen = new ArrayList<>();
        ComponentFactory<Size, String> f = ComponentFactory.of(ComponentKind.LOSS, "wide_loss_2", "a test loss",
                Size.class, new Size(3), (config, context) -> {
                    seen.add(config);
                    seen.add(context);
                    return "built " + config.width();
                });
        assertEquals(ComponentKind.LOSS, f.kind());
        assertEquals("wide_loss_2", f.name());
        assertEquals("a test loss", f.description());
        assertEquals(Size.class, f.configType());
        assertEquals(new Size(3), f.defaults());
        assertEquals("built 7", f.create(new Size(7), null));
        assertEquals(new Size(7), seen.get(0));
        assertEquals(2, seen.size());
        assertTrue(f.toString().contains("loss 'wide_loss_2'"), f.toString());
    }

    @Test
    void ofRejectsNamesThatAreNotSnakeCase() {
        for (String bad : List.of("WideLoss", "wide-loss", "_wide", "wide__loss", "wide_", "2wide", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComponentFactory.of(
                    ComponentKind.LOSS, bad, "", Size.class, new Size(1), (c, x) -> c));
            assertTrue(e.getMessage().contains("'" + bad + "' is not snake_case"), e.getMessage());
        }
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void ofRejectsDefaultsOfAnotherType() {
        Class raw = Other.class;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComponentFactory.of(
                ComponentKind.BACKBONE, "net", "", raw, new Size(1), (c, x) -> c));
        assertTrue(e.getMessage().contains("not the config type " + Other.class.getName()), e.getMessage());
    }

    @Test
    void ofRejectsMissingParts() {
        assertThrows(NullPointerException.class, () -> ComponentFactory.of(ComponentKind.LOSS, "a", "", Size.class,
                null, (c, x) -> c));
        ComponentFactory.Creator<Size, Size> none = null;
        assertThrows(NullPointerException.class, () -> ComponentFactory.of(ComponentKind.LOSS, "a", "", Size.class,
                new Size(1), none));
    }
}
