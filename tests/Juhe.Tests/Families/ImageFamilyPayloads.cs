namespace Juhe.Tests.Families;

/// <summary>Request and response examples of the catalogue's §7–§13 (rerank and the image families), verbatim where it gives them.</summary>
internal static class ImageFamilyPayloads
{
    // §7
    public const string RerankRequest = """{"model":"BAAI/bge-reranker-v2-m3","query":"capital of France","documents":["Berlin is in Germany","Paris is the capital of France"],"top_n":1,"return_documents":true}""";
    public const string RerankResponse = """{"results":[{"index":1,"relevance_score":0.98,"document":{"text":"Paris is the capital of France"}}],"usage":{"prompt_tokens":18,"total_tokens":18}}""";

    // §8
    public const string MidjourneyImagineRequest = """{"prompt":"a red fox in snow, cinematic --ar 16:9","botType":"MID_JOURNEY","base64Array":[]}""";
    public const string MidjourneyTaskSuccess = """
        {"id":"1735000123456789","action":"IMAGINE","status":"SUCCESS","progress":"100%","prompt":"a red fox in snow, cinematic --ar 16:9",
         "imageUrl":"https://gw.example/mj/image/1735000123456789","submitTime":1735000123456,"finishTime":1735000180000,"failReason":"",
         "buttons":[{"customId":"MJ::JOB::upsample::1::8c2f…","emoji":"","label":"U1","type":2,"style":2}],
         "properties":{"finalPrompt":"a red fox in snow, cinematic --ar 16:9"}}
        """;
    public const string MidjourneyUploadResponse = """{"code":1,"description":"success","result":["https://cdn.discordapp.com/attachments/1/2/a.png"]}""";

    // §9
    public const string IdeogramImagesResponse = """{"created":"2025-06-01T10:00:00.000000+00:00","data":[{"prompt":"a neon sign reading \"OPEN\"","resolution":"1312x736","is_image_safe":true,"seed":4211,"style_type":"GENERAL","url":"https://ideogram.ai/api/images/ephemeral/abc.png?exp=…"}]}""";

    // §10.3
    public const string FalKontextRequest = """{"prompt":"Put the duckling on the woman's t-shirt","image_url":"https://example.com/in.png","num_images":1,"output_format":"jpeg"}""";
    public const string FalQueued = """{"status":"IN_QUEUE","request_id":"e7e9202c-…","response_url":"https://queue.fal.run/fal-ai/flux-pro/requests/e7e9202c-…","status_url":"…/status","cancel_url":"…/cancel","logs":null,"metrics":{},"queue_position":0}""";

    // §11
    public const string ReplicateKontextRequest = """{"input":{"prompt":"Make this a 90s cartoon","input_image":"https://example.com/a.png","aspect_ratio":"match_input_image","output_format":"jpg","safety_tolerance":2}}""";
    public const string ReplicateSucceeded = """
        {"id":"4a5padvaf9rma0ctg99s5m2x5r","model":"black-forest-labs/flux-kontext-pro","version":"hidden","status":"succeeded","error":null,
         "output":"https://replicate.delivery/xezq/abc/out.jpg","created_at":"2025-07-29T07:21:33.309Z","completed_at":"2025-07-29T07:21:41.100Z","urls":{"get":"https://api.replicate.com/v1/predictions/4a5p…"}}
        """;

    // §12
    public const string DoubaoRequest = """{"model":"doubao-seedream-4-0-250828","prompt":"生成狗狗趴在草地上的近景画面","image":"https://example.com/dog.png","size":"2K","sequential_image_generation":"disabled","response_format":"url","watermark":false}""";
    public const string DoubaoResponse = """{"model":"doubao-seedream-4-0-250828","created":1757323224,"data":[{"url":"https://ark-content-generation….jpeg","size":"1760x2368"}],"usage":{"generated_images":1,"output_tokens":16280,"total_tokens":16280}}""";

    // §13
    public const string DallE3Request = """{"model":"dall-e-3","prompt":"isometric pixel-art coffee shop","size":"1024x1024","quality":"hd","style":"vivid","response_format":"url"}""";
    public const string DallE3Response = """{"created":1735000000,"data":[{"url":"https://…/img.png","revised_prompt":"An isometric pixel-art illustration of a cozy coffee shop…"}]}""";
}
