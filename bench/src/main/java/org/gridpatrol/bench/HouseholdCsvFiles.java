package org.gridpatrol.bench;

import org.gridpatrol.geo.crs.Gcj02;
import org.gridpatrol.geo.register.ResidentIdNumber;
import org.locationtech.jts.geom.Coordinate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * The input files of {@code bench import}: the same synthetic households twice — as a county would send
 * them (GBK, Chinese headers, GCJ-02 coordinates as picked on Amap, to 6 decimals) and as the peer reads
 * them (UTF-8, WGS84). Positions are uniform over a rectangle (the synthetic county's area), names,
 * phones and ID numbers random but well-formed (the ID numbers carry valid check characters).
 * Streamed row by row: memory does not grow with the count.
 */
final class HouseholdCsvFiles {

    static final String HEADER = "户编号,户主姓名,人数,联系电话,身份证号,地址,经度,纬度";
    static final Charset GBK = Charset.forName("GBK");

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅鹏飞玉兰海燕志强晓东文";
    private static final String[] ROADS = {"衢江路", "荷花路", "劳动路", "新河沿", "县学街", "柯城大道", "白云大道", "浮石路", "花园大道", "信安大道"};

    private HouseholdCsvFiles() {
    }

    /** What was written: the two files and their sizes. */
    record Written(Path gbkGcj02, Path utf8Wgs84, long rows, double seconds) {
    }

    /**
     * Writes {@code rows} households at uniform random positions in [minLon, maxLon] × [minLat, maxLat]
     * (WGS84) into {@code folder}.
     */
    static Written write(Path folder, long rows, double minLon, double minLat, double maxLon, double maxLat, long seed)
            throws IOException {
        long start = System.nanoTime();
        Path gbk = folder.resolve("households-gbk-gcj02.csv");
        Path utf8 = folder.resolve("households-utf8-wgs84.csv");
        Random random = new Random(seed);
        try (BufferedWriter county = Files.newBufferedWriter(gbk, GBK);
             BufferedWriter peer = Files.newBufferedWriter(utf8, StandardCharsets.UTF_8)) {
            county.write(HEADER);
            county.write("\r\n"); // as Excel writes CSV
            peer.write(HEADER);
            peer.write('\n');
            StringBuilder common = new StringBuilder(160);
            for (long i = 1; i <= rows; i++) {
                double lon = minLon + random.nextDouble() * (maxLon - minLon);
                double lat = minLat + random.nextDouble() * (maxLat - minLat);
                Coordinate gcj = Gcj02.INSTANCE.fromWgs84(new Coordinate(lon, lat));
                common.setLength(0);
                common.append('H');
                zeroPadded(common, i, 8);
                common.append(',')
                        .append(SURNAMES.charAt(random.nextInt(SURNAMES.length())))
                        .append(GIVEN.charAt(random.nextInt(GIVEN.length())));
                if (random.nextBoolean()) {
                    common.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
                }
                common.append(',').append(1 + random.nextInt(6))
                        .append(",1").append(3 + random.nextInt(7));
                zeroPadded(common, random.nextInt(1_000_000_000), 9);
                common
                        .append(',').append(ResidentIdNumber.of("330802",
                                LocalDate.of(1940 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                                random.nextInt(1000)).value())
                        .append(",浙江省衢州市合成县").append(ROADS[random.nextInt(ROADS.length)])
                        .append(1 + random.nextInt(999)).append('号').append(',');
                county.append(common);
                county.append(fixed(gcj.x, 6)).append(',').append(fixed(gcj.y, 6)).append("\r\n");
                peer.append(common);
                peer.append(fixed(lon, 7)).append(',').append(fixed(lat, 7)).append('\n');
            }
        }
        return new Written(gbk, utf8, rows, (System.nanoTime() - start) / 1e9);
    }

    // String.format costs microseconds a call; a million rows need these by hand

    private static void zeroPadded(StringBuilder out, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    /** A positive value with exactly {@code decimals} decimals, rounded half up. */
    private static String fixed(double value, int decimals) {
        long scale = decimals == 6 ? 1_000_000L : 10_000_000L;
        long scaled = Math.round(value * scale);
        StringBuilder out = new StringBuilder(16).append(scaled / scale).append('.');
        zeroPadded(out, scaled % scale, decimals);
        return out.toString();
    }
}
