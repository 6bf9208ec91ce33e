package com.creatorcampaignpro.user;

import com.creatorcampaignpro.error.ValidationException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Iterator;

/**
 * Checks that an upload is an image all the way through, not just by its first bytes: a PNG header
 * followed by HTML (a polyglot a browser might render) or a truncated file is refused. PNG and JPEG
 * are decoded whole by ImageIO, after their declared size is checked (a small file can declare a
 * huge canvas); they must end where the format ends. The JDK has no WebP decoder, so a WebP's RIFF
 * structure is walked instead: every chunk inside the declared length, an image chunk present.
 */
final class AvatarImages {
    static final int MAX_SIDE = 4096;
    private static final String REFUSED = "is not a complete PNG, JPEG or WebP image";

    private AvatarImages() {
    }

    static void verify(byte[] bytes, ImageType type) {
        boolean complete = switch (type) {
            case PNG -> endsWith(bytes, 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82) && decodes(bytes, "png");
            case JPEG -> endsWith(bytes, 0xFF, 0xD9) && decodes(bytes, "jpeg");
            case WEBP -> webpStructure(bytes);
        };
        if (!complete) {
            throw new ValidationException("file", REFUSED);
        }
    }

    private static boolean decodes(byte[] bytes, String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            return false;
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
                throw new ValidationException("file", "must be at most " + MAX_SIDE + " x " + MAX_SIDE + " pixels");
            }
            // Every byte of pixel data is still read and checked; subsampling only bounds the memory.
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.max(width, height) / 512);
            param.setSourceSubsampling(step, step, 0, 0);
            reader.read(0, param);
            return true;
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof ValidationException refused) {
                throw refused;
            }
            return false;
        } finally {
            reader.dispose();
        }
    }

    private static boolean webpStructure(byte[] bytes) {
        if (bytes.length < 20) {
            return false;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long riffSize = Integer.toUnsignedLong(buffer.getInt(4));
        if (riffSize + 8 != bytes.length) {
            return false;
        }
        boolean image = false;
        int at = 12;
        while (at + 8 <= bytes.length) {
            String fourCc = new String(bytes, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(buffer.getInt(at + 4));
            long next = at + 8 + size + (size & 1);   // chunks are padded to an even length
            if (next > bytes.length) {
                return false;
            }
            image |= fourCc.equals("VP8 ") || fourCc.equals("VP8L") || fourCc.equals("ANMF");
            at = (int) next;
        }
        return image && at == bytes.length;
    }

    private static boolean endsWith(byte[] bytes, int... expected) {
        if (bytes.length < expected.length) {
            return false;
        }
        int offset = bytes.length - expected.length;
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
